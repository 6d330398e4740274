import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/guard/detect-language.js';

const messages: readonly (readonly [string, string])[] = [
  ['en', 'Where is my order? It was supposed to arrive yesterday.'],
  ['en', 'I would like to change my delivery address please'],
  ['es', '¿Dónde está mi pedido? Debía llegar ayer.'],
  ['es', 'Quiero cambiar la dirección de entrega de mi pedido'],
  ['pt', 'Onde está o meu pedido? Era para chegar ontem.'],
  ['pt', 'Não consigo acessar a minha conta'],
  ['fr', 'Où est ma commande ? Elle devait arriver hier.'],
  ['fr', "Je n'arrive pas à me connecter à mon compte"],
  ['de', 'Wo ist meine Bestellung? Sie sollte gestern ankommen.'],
  ['de', 'Ich kann mich nicht in mein Konto einloggen'],
  ['it', 'Dove si trova il mio ordine? Doveva arrivare ieri.'],
  ['it', 'Non riesco ad accedere al mio account'],
  ['nl', 'Waar is mijn bestelling? Die zou gisteren komen.'],
  ['nl', 'Ik kan niet inloggen op mijn account'],
  ['sv', 'Var är min beställning? Den skulle komma igår.'],
  ['sv', 'Jag kan inte logga in på mitt konto'],
  ['da', 'Hvornår kommer min pakke? Den skulle være kommet i går.'],
  ['da', 'Jeg kan ikke logge ind på min konto'],
  ['nb', 'Hvor er bestillingen min? Den skulle komme i går.'],
  ['nb', 'Jeg får ikke logget inn på kontoen min'],
  ['fi', 'Missä tilaukseni on? Sen piti tulla eilen.'],
  ['fi', 'En pääse kirjautumaan tililleni'],
  ['pl', 'Gdzie jest moje zamówienie? Miało przyjść wczoraj.'],
  ['pl', 'Nie mogę zalogować się na moje konto'],
  ['tr', 'Siparişim nerede? Dün gelmesi gerekiyordu.'],
  ['tr', 'Hesabıma giriş yapamıyorum'],
  ['ru', 'Где мой заказ? Он должен был прийти вчера.'],
  ['ru', 'Я не могу войти в свой аккаунт'],
  ['uk', 'Де моє замовлення? Воно мало прийти вчора.'],
  ['uk', 'Я не можу увійти у свій обліковий запис'],
  ['ar', 'أين طلبي؟ كان من المفترض أن يصل أمس.'],
  ['ar', 'لا أستطيع تسجيل الدخول إلى حسابي'],
  ['hi', 'मेरा ऑर्डर कहाँ है? यह कल आना था।'],
  ['hi', 'मैं अपने खाते में लॉग इन नहीं कर पा रहा हूँ'],
  ['id', 'Di mana pesanan saya? Seharusnya sampai kemarin.'],
  ['id', 'Saya tidak bisa masuk ke akun saya'],
  ['vi', 'Đơn hàng của tôi đâu rồi? Lẽ ra phải đến hôm qua.'],
  ['vi', 'Tôi không thể đăng nhập vào tài khoản của mình'],
  ['th', 'คำสั่งซื้อของฉันอยู่ที่ไหน ควรจะมาถึงเมื่อวาน'],
  ['th', 'ฉันเข้าสู่ระบบบัญชีไม่ได้'],
  ['zh', '我的订单在哪里？昨天就应该到了。'],
  ['zh', '我无法登录我的账户'],
  ['ja', '注文した商品はどこですか？昨日届くはずでした。'],
  ['ja', 'アカウントにログインできません'],
  ['ko', '제 주문은 어디에 있나요? 어제 도착했어야 했어요.'],
  ['ko', '계정에 로그인할 수 없어요'],
  ['sr', 'Gde je moja porudžbina? Trebalo je da stigne juče.'],
  ['sr', 'Не могу да се пријавим на свој налог'],
  ['sr', 'Ne mogu se prijaviti na svoj račun, što da radim?'],
  ['lt', 'Kur mano užsakymas? Jis turėjo atvykti vakar.'],
  ['lt', 'Negaliu prisijungti prie savo paskyros'],
  ['kk', 'Тапсырысым қайда? Ол кеше келуі керек еді.'],
  ['kk', 'Аккаунтыма кіре алмай жатырмын'],
];

describe('detectLanguage', () => {
  it.each(messages)('detects %s in %j', (language, text) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('covers the built-in languages', () => {
    expect(new Set(messages.map(([language]) => language)).size).toBeGreaterThanOrEqual(23);
  });

  it('tells Danish, Norwegian and Swedish apart where a word says which', () => {
    const nordic: readonly (readonly [string, string])[] = [
      ['da', 'Tak for hjælpen, hvad koster det?'],
      ['da', 'Jeg vil gerne tale med nogen'],
      ['da', 'Hvad er jeres telefonnummer?'],
      ['da', 'jeg orker ikke mere'],
      ['nb', 'Takk for hjelpen, hva koster det?'],
      ['nb', 'Jeg vil gjerne snakke med noen'],
      ['nb', 'Hva er telefonnummeret deres?'],
      ['nb', 'jeg orker ikke mer'],
      ['sv', 'Tack för hjälpen, vad kostar det?'],
      ['sv', 'Jag vill gärna prata med någon'],
      ['sv', 'Vad är ert telefonnummer?'],
      ['sv', 'När kommer mitt paket?'],
    ];
    for (const [language, text] of nordic) expect(detectLanguage(text), text).toBe(language);
  });

  it('reads Finnish, even where its ä and ö would pass for German', () => {
    for (const text of [
      'Haluan puhua jonkun kanssa',
      'Mikä on teidän puhelinnumero?',
      'Kiitos avusta',
      'En pääse kirjautumaan',
    ]) {
      expect(detectLanguage(text), text).toBe('fi');
    }
  });

  it('tells Russian from Ukrainian', () => {
    expect(detectLanguage('Спасибо, всё понятно')).toBe('ru');
    expect(detectLanguage('Дякую, все зрозуміло')).toBe('uk');
    expect(detectLanguage('Мне нужна помощь с оплатой')).toBe('ru');
    expect(detectLanguage('Мені потрібна допомога з оплатою')).toBe('uk');
  });

  it('tells Serbian Cyrillic and Kazakh from Russian and Ukrainian by their own letters and words', () => {
    const cyrillic: readonly (readonly [string, string])[] = [
      ['sr', 'Хвала, све је јасно'],
      ['sr', 'Желим да разговарам са оператером'],
      ['sr', 'Зашто још није стигло?'],
      ['kk', 'Рахмет, бәрі түсінікті'],
      ['kk', 'Маған оператор керек'],
      ['kk', 'Ақшам қайда?'],
      ['kk', 'Сәлем'],
      ['ru', 'Не могу дозвониться до оператора'],
      ['ru', 'Где мой заказ?'],
      ['ru', 'Да, спасибо'],
      ['uk', 'Де моє замовлення?'],
      ['uk', 'Мені потрібен оператор'],
    ];
    for (const [language, text] of cyrillic) expect(detectLanguage(text), text).toBe(language);
  });

  it('tells Serbian, Croatian and Lithuanian from Polish and each other', () => {
    const latin: readonly (readonly [string, string])[] = [
      ['sr', 'Hoću da razgovaram sa čovekom'],
      ['sr', 'Želim razgovarati s operaterom, hvala'],
      ['sr', 'Zašto još nije stiglo?'],
      ['sr', 'sta se desava sa mojom porudzbinom'],
      ['lt', 'Noriu kalbėti su žmogumi'],
      ['lt', 'Ačiū, viskas aišku'],
      ['lt', 'Kodėl dar neatėjo mano siuntinys?'],
      ['pl', 'Chcę porozmawiać z człowiekiem'],
      ['pl', 'Dziękuję, wszystko jasne'],
    ];
    for (const [language, text] of latin) expect(detectLanguage(text), text).toBe(language);
  });

  it('reads kana with kanji as Japanese and kanji alone as Chinese', () => {
    // More Han characters than kana: still Japanese.
    expect(detectLanguage('東京駅行きの予約を変更したい')).toBe('ja');
    expect(detectLanguage('我想修改东京站的预订')).toBe('zh');
    expect(detectLanguage('人工客服')).toBe('zh');
  });

  it('defaults to English', () => {
    for (const text of ['ok', 'refund', 'hello', 'Thanks, that helps a lot!', '12345', '', '???', '👍']) {
      expect(detectLanguage(text), text).toBe('en');
    }
  });

  it('keeps English with a foreign brand or place name', () => {
    expect(detectLanguage('Can you deliver to Kraków by Friday?')).toBe('en');
    expect(detectLanguage('my order from the Café de Flore gift shop never came')).toBe('en');
  });
});
