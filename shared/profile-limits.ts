/** How long a profile's texts may be: the schema refuses longer ones and the page counts against the same numbers (no zod here, so pages stay light). */
export const PROFILE_MAX = { nickname: 32, address: 200 } as const
