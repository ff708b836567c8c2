import { Text, View } from '@tarojs/components'
import { DEMO_IDENTITIES, currentIdentity, setIdentity } from '../services/identity'

// Local H5 only: switch who the page acts as; the choice survives reloads in localStorage.
export function IdentityBar() {
  const active = currentIdentity()
  const choose = (openid: string) => {
    if (openid === active) return
    setIdentity(openid)
    window.location.reload()
  }
  return (
    <View className='identity-bar' id='identity-bar'>
      <Text className='identity-bar__label'>身份</Text>
      {DEMO_IDENTITIES.map((d) => (
        <View
          key={d.openid}
          id={`identity-${d.openid}`}
          className={`identity-bar__chip ${d.openid === active ? 'identity-bar__chip--on' : ''}`}
          onClick={() => choose(d.openid)}
        >
          {d.label}
        </View>
      ))}
    </View>
  )
}
