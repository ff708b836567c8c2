export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/mall/index',
    'pages/vouchers/index',
    'pages/scan/index',
    'pages/member-code/index',
    'pages/checkin/index',
    'pages/history/index',
    'pages/profile/index',
  ],
  // Merchant pages are a subpackage: shoppers never download them.
  subPackages: [
    {
      root: 'merchant',
      pages: [
        'staff/index',
        'admin/index',
        'rules/index',
        'catalog/index',
        'catalog/edit',
        'members/index',
        'member/index',
        'team/index',
        'join/index',
        'export/index',
      ],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '积分会员',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f7',
  },
})
