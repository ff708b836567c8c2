import { Screen } from '../../components/Screen'
import { IssuePurchase } from './IssuePurchase'
import { MemberCheckout } from './MemberCheckout'
import { RefundDesk } from './RefundDesk'
import { VoucherDesk } from './VoucherDesk'

// The clerk's page: both ways of crediting a purchase, refunds, and vouchers.
export default function Staff() {
  return (
    <Screen id='page-staff'>
      <MemberCheckout />
      <IssuePurchase />
      <RefundDesk />
      <VoucherDesk />
    </Screen>
  )
}
