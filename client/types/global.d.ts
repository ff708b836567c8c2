/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'

// This declaration is seen by the whole repository's type-check: keep every field optional.
declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform being built, replaced at build time by Taro. */
    TARO_ENV?: 'weapp' | 'h5'
    TARO_APP_ID?: string
    /** Subscribe-message template ids from the WeChat console. */
    TARO_APP_TMPL_EXPIRY?: string
    TARO_APP_TMPL_BENEFIT?: string
    /** The WeChat cloud environment id; empty uses the one selected in the IDE. */
    TARO_APP_CLOUD_ENV?: string
  }
}
