import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Screen } from '../../components/Screen'
import { formatDate, formatPoints } from '../../logic/format'
import { ROUTES } from '../../logic/nav'
import { call, type DataFor } from '../../services/api'
import { LoadMore } from '../components/LoadMore'
import { asPage, usePaged } from '../../hooks/usePaged'

type MemberRow = DataFor<'store', 'findMembers'>['members'][number]

// Find a member by 8-digit member number, nickname or OPENID; a tap opens the member's page.
export default function Members() {
  const [query, setQuery] = useState('')
  const [searched, setSearched] = useState('')
  const list = usePaged(async (cursor) =>
    asPage(await call('store', 'findMembers', { ...(searched ? { query: searched } : {}), ...(cursor ? { cursor } : {}) }), (d) => d.members),
  )
  useEffect(() => {
    void list.load(null)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [searched])
  return (
    <Screen id='page-members'>
      <View className='card'>
        <View className='card__title'>会员管理</View>
        <View className='row'>
          <Input
            className='input-box grow'
            id='member-query'
            value={query}
            maxlength={64}
            placeholder='会员号、昵称或 OPENID'
            confirmType='search'
            onInput={(e) => setQuery(e.detail.value)}
            onConfirm={() => setSearched(query.trim())}
          />
        </View>
        <Button className='btn btn--tall' id='member-search' onClick={() => setSearched(query.trim())}>
          搜索
        </Button>
      </View>
      <View className='card' id='member-list'>
        {list.rows.map((m) => (
          <Row key={m.openid} m={m} />
        ))}
        <LoadMore
          id='members'
          loading={list.loading}
          error={list.error}
          hasMore={!!list.cursor}
          isEmpty={list.rows.length === 0}
          empty={searched ? '没有找到这位会员，请换个会员号或昵称' : '还没有会员'}
          onMore={() => void list.more()}
        />
      </View>
    </Screen>
  )
}

function Row({ m }: { m: MemberRow }) {
  const open = () => void Taro.navigateTo({ url: `${ROUTES.member}?openid=${encodeURIComponent(m.openid)}` })
  return (
    <View className='member-row' data-openid={m.openid} onClick={open}>
      <View>
        <View className='item__name'>
          {m.nickname || '未设置昵称'} {m.frozen && <Text className='tag tag--red'>已冻结</Text>}
        </View>
        <View className='muted'>
          会员号 {m.memberNo ?? '待生成'} · {m.tier} · {formatDate(m.joinedAt)} 入会
        </View>
      </View>
      <Text className='item__points'>{formatPoints(m.balance)}</Text>
    </View>
  )
}
