/**
 * Words of the shop's topics in Japanese and Chinese. Neither writes spaces between words, so a run of
 * their characters is cut into the longest listed words it holds (see `segmentCjk` in
 * `cross-language.ts`); `送料はいくらですか` is `送料` (shipping cost) and `いくら` (how much). Written as the
 * tokenizer folds text: the voicing marks of kana are dropped (`サイズ` as `サイス`), which the lexicon does
 * itself when it is built.
 */
export const cjkLexicon: ReadonlyArray<readonly [english: string, words: string]> = [
  // Japanese.
  ['ship', '配送 発送 配達 お届け 届け 郵送'],
  ['ship cost', '送料 配送料'],
  ['arrive', '届く 届きます 到着'],
  ['international', '海外発送 海外配送 海外'],
  ['cost', '料金 費用 いくら'],
  ['price', '値段 価格'],
  ['long', '何日 どのくらい どれくらい 日数 期間 時間'],
  ['return', '返品 返却'],
  ['refund', '返金'],
  ['exchange', '交換'],
  ['size', 'サイズ 寸法'],
  ['pay', '支払い 支払 お支払い 決済'],
  ['credit card', 'クレジットカード'],
  ['card', 'カード'],
  ['gift card', 'ギフトカード ギフト券 商品券'],
  ['gift', 'ギフト プレゼント'],
  ['store', '店舗 実店舗 お店 ストア'],
  ['open hour', '営業時間'],
  ['open', '営業 開店'],
  ['close', '閉店 定休日'],
  ['order', '注文'],
  ['track', '追跡 配送状況'],
  ['cancel', 'キャンセル 取り消し 取消'],
  ['account', 'アカウント'],
  ['password', 'パスワード'],
  ['reset', 'リセット 再設定'],
  ['forgot', '忘れ'],
  ['warranty', '保証'],
  ['jacket', 'ジャケット 上着'],
  ['boot', 'ブーツ 登山靴'],
  ['shoe', '靴 シューズ'],
  ['wash', '洗濯 洗う'],
  ['care', '手入れ'],
  ['material', '素材 材質 生地'],
  ['kid', '子供 子ども キッズ'],
  ['country', '日本'],
  ['customs', '関税'],
  ['free', '無料'],
  ['change', '変更'],
  ['address', '住所'],
  ['email', 'メール'],
  // Chinese (simplified and traditional).
  ['ship', '配送 发货 發貨 运送 送货 送貨 快递 快遞 寄送 邮寄'],
  ['ship cost', '运费 運費 邮费 郵費'],
  ['free ship', '包邮 包郵 免运费 免運費'],
  ['cost', '多少钱 多少錢 费用 費用'],
  ['price', '价格 價格'],
  ['long', '多久 多长时间 多長時間 几天 幾天'],
  ['return', '退货 退貨 退回'],
  ['refund', '退款'],
  ['exchange', '换货 換貨 更换 更換 调换 調換 换 換'],
  ['size', '尺码 尺碼 尺寸'],
  ['pay', '付款 支付'],
  ['accept', '接受'],
  ['credit card', '信用卡'],
  ['gift card', '礼品卡 禮品卡 礼卡 購物卡 购物卡'],
  ['gift', '礼物 禮物'],
  ['store', '门店 門店 商店 实体店 實體店'],
  ['open hour', '营业时间 營業時間'],
  ['open', '营业 營業 开门 開門'],
  ['order', '订单 訂單'],
  ['track', '跟踪 追踪 追蹤 物流'],
  ['cancel', '取消'],
  ['account', '账户 帳戶 账号 帳號'],
  ['password', '密码 密碼'],
  ['reset', '重置 重设'],
  ['forgot', '忘记 忘記'],
  ['warranty', '保修 质保 質保 保固'],
  ['jacket', '夹克 夾克 外套'],
  ['material', '材料 材质 材質 面料'],
  ['boot', '靴子 登山靴'],
  ['shoe', '鞋子 鞋'],
  ['wash', '清洗 洗涤 洗滌 洗'],
  ['care', '保养 保養 护理 護理'],
  ['kid', '儿童 兒童 孩子 童装 童裝'],
  ['country', '中国 中國 国家 國家'],
  ['customs', '关税 關稅 海关 海關'],
  ['free', '免费 免費'],
  ['change', '修改 更改'],
  ['address', '地址'],
];

/**
 * Characters and words of Japanese and Chinese that carry no topic when they are left over between the
 * listed words: question words, pronouns, "can", "please", "within", and "way" (`追跡方法`, how to track; `付款方式`, how to pay). Left-over kana are dropped too.
 */
export const cjkStopWords =
  '方法 方式 何 以内 可能 教 私 場合 方 様 お願い 下さい 御社 貴社 ' +
  '你们 你們 我们 我們 我 的 吗 嗎 呢 了 是 什么 什麼 哪些 哪里 哪裡 哪儿 哪 怎么 怎麼 如何 可以 能 有 这件 這件 这 這 那 做 请问 請問 请 請 多少 吧 到 在 后 後 收 要';

/** Folds a word as the tokenizer does: voicing and other marks dropped, lower case. */
function foldWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Japanese and Chinese characters (kana and Han). */
const cjkCharacter = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]/u;

/**
 * Builds the segmenter of {@link cjkLexicon}: for a word with Japanese or Chinese characters, the English
 * terms (through `toTerms`) of the longest listed words it holds, read left to right; left-over characters
 * are dropped when they are kana or {@link cjkStopWords} and otherwise kept as one term each run (a word the
 * knowledge base does not know, which counts against a match like any unknown word). Undefined for a word
 * without such characters.
 */
export function createCjkSegmenter(toTerms: (english: string) => string[]): (word: string) => string[] | undefined {
  const words = new Map<string, readonly string[]>();
  for (const [english, forms] of cjkLexicon) {
    const terms = toTerms(english);
    for (const form of forms.split(' ')) if (form !== '') words.set(foldWord(form), terms);
  }
  for (const form of cjkStopWords.split(' ')) if (form !== '') words.set(foldWord(form), []);
  const longest = Math.max(...[...words.keys()].map((word) => word.length));
  return (word) => {
    if (!cjkCharacter.test(word)) return undefined;
    const terms: string[] = [];
    let rest = '';
    const flush = () => {
      if (rest !== '' && !/^[\p{Script=Hiragana}ー]+$/u.test(rest)) terms.push(rest);
      rest = '';
    };
    for (let position = 0; position < word.length; ) {
      let length = Math.min(longest, word.length - position);
      while (length > 0 && !words.has(word.slice(position, position + length))) length--;
      if (length === 0) {
        rest += word[position];
        position++;
        continue;
      }
      flush();
      terms.push(...(words.get(word.slice(position, position + length)) ?? []));
      position += length;
    }
    flush();
    return terms;
  };
}
