import { useRouter } from '@tarojs/taro'
import { Screen } from '../../components/Screen'
import { StateView } from '../../components/StateView'
import { useRemote } from '../../hooks/useRemote'
import { call } from '../../services/api'
import { AdjustForm } from './AdjustForm'
import { FreezeForm } from './FreezeForm'
import { Lots, Purchases, Vouchers } from './Holdings'
import { MemberCard } from './MemberCard'
import { MemberLedger } from './MemberLedger'

// One member as the owner sees them (?openid=): what they hold, their history, and the owner's two actions.
export default function Member() {
  const openid = decodeURIComponent(useRouter().params.openid ?? '')
  const { state, reload } = useRemote(() => call('store', 'memberDetail', { openid }), [openid])
  const refresh = () => void reload(true)
  return (
    <Screen id='page-member'>
      <StateView state={state} onRetry={() => void reload()}>
        {(d) => (
          <>
            <MemberCard d={d} />
            <AdjustForm openid={openid} onDone={refresh} />
            <FreezeForm openid={openid} frozen={d.frozen} onDone={refresh} />
            <Lots lots={d.lots} />
            <MemberLedger openid={openid} first={d.ledger} />
            <Vouchers vouchers={d.vouchers} />
            <Purchases purchases={d.purchases} />
          </>
        )}
      </StateView>
    </Screen>
  )
}
