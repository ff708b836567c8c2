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
  // The native tab bar: 首页, the mall and 我的 (the profile with the shopper's other entries).
  tabBar: {
    color: '#8a8f99',
    selectedColor: '#07c160',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/mall/index', text: '积分商城', iconPath: 'assets/tab/mall.png', selectedIconPath: 'assets/tab/mall-active.png' },
      { pagePath: 'pages/profile/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' },
    ],
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '积分会员',
    navigationBarTextStyle: 'black',
    // weapp's default; on H5 it makes Taro's router draw the title bar, with a back button on pages below a tab
    navigationStyle: 'default',
    backgroundColor: '#f5f6f7',
  },
})
