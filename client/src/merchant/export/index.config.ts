export default definePageConfig({ navigationBarTitleText: '导出数据' })
