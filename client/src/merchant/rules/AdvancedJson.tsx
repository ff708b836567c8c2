import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { Rules } from '../../../../shared/rules'

// The rules as the server stores them, for a developer's eye; folded away below the form.
export function AdvancedJson({ rules }: { rules: Rules }) {
  const [open, setOpen] = useState(false)
  return (
    <View className='card' id='rules-json'>
      <View className='rule-fold' onClick={() => setOpen(!open)}>
        {open ? '收起高级视图' : '高级视图（规则原文）'}
      </View>
      {open && (
        <Text className='rule-json' selectable>
          {JSON.stringify(rules, null, 2)}
        </Text>
      )}
    </View>
  )
}
