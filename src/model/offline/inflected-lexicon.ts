/**
 * Stems of the shop's topic words in Polish, Turkish, Russian, Arabic and Finnish, the inflected languages the
 * guard covers beside the six of `cross-language.ts` and the Scandinavian ones of `nordic-lexicon.ts`. Their
 * words take endings (and in Arabic also prefixes: "the", "and", the person of a verb; in Finnish also the
 * possessive and the question suffix) that a list of forms could not enumerate, so each stem stands for
 * every word that starts with it and ends in a few more letters: `zamówienia` and `zamówieniem` are both
 * `zamowien`, `siparişimi` is `siparis`. Written accent-folded and in lower case, as the tokenizer folds
 * text (`ł`, `ı` and the Arabic letters stay; hamza and Cyrillic breve marks go).
 */
export const inflectedLexicon: ReadonlyArray<readonly [english: string, stems: string]> = [
  [
    'ship',
    'wysył dostaw dostarcz przesył kargo gonder teslimat sevkiyat nakliye достав отправ пересыл شحن توصيل ارسال',
  ],
  ['cost', 'koszt kosztuj opłat ucret masraf стоим стоит тариф تكلف رسوم'],
  ['price', 'cena ceny cenie fiyat цен سعر اسعار'],
  ['long', 'długo czas trwa sure suruyor surer surecek долго срок время времени مدة'],
  ['day', 'dzien gun дне дня днеи ايام يوم'],
  ['arrive', 'dotrze dojdzie ulas ulasir придет доидет يصل وصل تصل'],
  ['return', 'zwrot zwroc zwrac iade возврат вернут верну ارجاع استرجاع ارجع'],
  ['refund', 'استرداد'],
  ['exchange', 'wymian wymien degisim degistir обмен обменя استبدال تبديل'],
  ['size', 'rozmiar beden olcu размер مقاس قياس'],
  ['pay', 'płatnos płac zapłac odeme oplat оплат платеж заплат دفع سداد'],
  ['method', 'formy sposob metod yontem способ طرق طريقة وسائل'],
  ['accept', 'akceptuj przyjmuj kabul принима принимаете تقبل قبول'],
  ['card', 'kart карт сертификат بطاق'],
  ['gift', 'podarun prezent hediye подар هدي'],
  ['store', 'sklep magaza магазин متجر محل فرع'],
  ['open', 'otwar czynn acik открыт работает مفتوح تفتح'],
  ['hour', 'godzin saat часы часов مواعيد ساعات دوام'],
  ['order', 'zamowien zamawi siparis заказ طلب'],
  ['track', 'sledz sledzen takip отслед تتبع تعقب'],
  ['cancel', 'anulow iptal отмен الغاء'],
  ['account', 'konto konta hesap hesab аккаунт учетн حساب'],
  ['password', 'hasło hasła sifre парол المرور'],
  ['forgot', 'zapomn unuttum забыл نسيت'],
  ['warranty', 'gwaranc garanti гарант ضمان'],
  ['jacket', 'kurtk ceket куртк جاكيت سترة'],
  ['boot', 'buty butow ботин сапог'],
  ['shoe', 'obuw ayakkab обув حذاء احذية'],
  ['wash', 'pranie yıka стир غسل'],
  ['care', 'pielegn bakım уход ухаж عناية'],
  ['waterproof', 'wodoodp membran мембран مقاوم'],
  ['material', 'materiał material materyal kumas материал ткан خامة مادة'],
  ['kid', 'dzieci dzieck cocuk дети детеи дет детск ребен اطفال طفل'],
  ['customs', 'cło cła gumruk тамож جمارك جمرك'],
  ['free', 'darmow bezpłat ucretsiz бесплат مجان'],
  ['country', 'kraj ulke turkiye polsk polska rosji росси стран امارات سعودية مصر دول'],
  ['email', 'mail почт بريد'],
  ['change', 'zmien zmian zmieni degistirmek изменит измен تغيير تعديل اغير يغير نغير'],
  ['address', 'adres adresu адрес عنوان'],
  // The rest of a shop's everyday words: how it fits, how to pay, what it is made of, what went wrong.
  ['receive', 'otrzym получ'],
  ['fit', 'pasuj подход подоид'],
  ['small', 'mały mała małe małych kucuk маленьк'],
  ['run small', 'маломер'],
  ['large', 'duzy duza duze duzych buyuk больш'],
  ['bank transfer', 'przelew havale перевод'],
  ['cash on delivery', 'pobrani kapıda налож'],
  ['cash', 'gotowk nakit наличн'],
  ['invoice', 'faktur fatura счет счета'],
  ['instalment', 'raty ratach ratal taksit рассроч'],
  ['close', 'zamkn kapalı закрыт'],
  ['sunday', 'niedziel pazar воскрес'],
  // "Pazartesi" (Monday) starts like "pazar" (Sunday).
  ['monday', 'pazartesi poniedzial понедельн maanantai'],
  ['holiday', 'swiet tatil праздн'],
  ['register', 'zarejestr rejestr kayıt kaydol регистр'],
  ['reset', 'zresetow resetow sıfırla сброс'],
  ['repair', 'napraw tamir ремонт'],
  ['broken', 'zepsu bozuk слома'],
  ['damaged', 'uszkodz hasar поврежд'],
  ['defect', 'wadliw брак'],
  ['down jacket', 'пухов'],
  ['pant', 'spodn pantolon брюк'],
  ['glove', 'rekawicz eldiven перчат'],
  ['tent', 'namiot cadır палатк'],
  ['sleeping bag', 'spiwor спальник'],
  ['bag', 'canta сумк'],
  ['backpack', 'plecak рюкзак'],
  ['dry', 'suszy kurut суши сушк'],
  ['waterproof', 'gecirmez непромок'],
  ['care', 'ухажив'],
  ['discount', 'rabat znizk indirim скидк'],
  ['code', 'kodu kodem kody kodum kodunu'],
  ['promo code', 'промокод'],
  ['currency', 'walut valut валют'],
  ['available', 'dostepn mevcut наличи'],
  ['sold', 'wyprzedan tukendi'],
  ['sale', 'wyprzedaz распрод'],
  ['sell', 'sprzeda satıy satar прода'],
  ['buy', 'kupi kupować satın купит купить'],
  ['brand', 'marka marki marke marek бренд марк'],
  ['material', 'malzem'],
  ['weight', 'waga wagi agırlık весит'],
  ['recommend', 'polec oneri onerir посовет рекоменд'],
  ['choose', 'wybr secim secme выбр'],
  ['rent', 'wypozycz kirala аренд'],
  ['pickup', 'odebr odbior забрат'],
  ['catalog', 'katalog каталог'],
  ['review', 'opini yorum отзыв'],
  ['newsletter', 'bulten рассылк'],
  ['point', 'punkt puan балл'],
  ['student', 'student ogrenci студент'],
  ['recycle', 'donusum переработ'],
  ['parcel', 'paczk paket посылк'],
  ['lost', 'zgubi zagin kayıp потеря'],
  ['wrong', 'błedn yanlıs неправил'],
  ['missing', 'brakuj eksik отсутств'],
  ['abroad', 'zagranic yurtdısı yurt границ'],
  ['tax', 'podat vergi налог'],
  ['vat', 'kdv ндс'],
  ['valid', 'wazn gecerli действ'],
  ['height', 'wzrost boyum рост'],
  ['money', 'pieniadz деньг'],
  ['jacket', 'mont'],
  ['boot', 'botlar botu botun'],
  ['return', 'geri'],
  ['arrive', 'geliyor gelecek gelir'],
  // Finnish: case endings and possessive suffixes follow the stem ("tilaukseni", "kaupassa", "Klarnalla").
  ['ship', 'toimit lahet lähet postit'],
  ['cost', 'kustann paljonko'],
  ['free', 'ilmai'],
  ['long', 'kauan kauanko kesta kestaa'],
  ['day', 'paiva'],
  ['arrive', 'saapu perill'],
  ['parcel', 'paket'],
  ['track', 'seuran seurat'],
  ['return', 'palaut'],
  ['refund', 'hyvity'],
  ['money', 'rahat rahani rahoj'],
  ['exchange', 'vaihd vaiht'],
  ['size', 'koko kokoa koon kokoj'],
  ['fit', 'sopii sopiva istuu'],
  ['pay', 'maksu maksaa maksan maksa'],
  ['method', 'tapa tavat tavoi'],
  ['card', 'kortt kortin'],
  ['gift card', 'lahjakort'],
  ['gift', 'lahja lahjo'],
  ['invoice', 'lasku'],
  ['instalment', 'osamaks eraa erissa'],
  ['klarna', 'klarna'],
  ['paypal', 'paypal'],
  ['store', 'kauppa kaupa myymal liike liikkee'],
  ['open', 'auki avoinna aukiolo'],
  ['hour', 'aukioloaj'],
  ['order', 'tilau tilat tilaan tilasin'],
  ['cancel', 'peruu peruut peruta'],
  ['change', 'muutta muuto'],
  ['account', 'tili tilin tilil'],
  ['password', 'salasan'],
  ['warranty', 'takuu'],
  ['repair', 'korja'],
  ['broken', 'rikki rikkou'],
  ['damaged', 'vaurio'],
  ['jacket', 'takk taki'],
  ['shoe', 'kenka kenga'],
  ['boot', 'saappa vaelluskenk'],
  ['tent', 'telt'],
  ['sleeping bag', 'makuupus'],
  ['backpack', 'repp repu rinkka rinka'],
  ['kid', 'lapsi lapse lasten lapsil'],
  ['wash', 'pesta pesu pesen'],
  ['waterproof', 'vedenpitav'],
  ['discount', 'alennu alennus'],
  ['code', 'koodi'],
  ['student', 'opiskelij'],
  ['price', 'hinta hinna'],
  ['customs', 'tulli'],
  ['tax', 'vero'],
  ['abroad', 'ulkomail ulkomaa'],
  ['finland', 'suome suomi'],
  ['2', 'kaksi kahde dwoch dwie'],
  ['3', 'kolme kolm trzech trzy'],
  ['4', 'nelja nelj czter dort'],
  ['5', 'viisi viid piec piecio'],
  ['people', 'osob osoby kisi kisilik henkil hengen'],
  ['women', 'damsk kadın naisten nais'],
  ['small', 'pien'],
  ['credit card', 'luottokort kredi'],
  ['pay', 'odey odeyebil'],
  ['headlamp', 'czołowk otsalamp'],
  ['pole', 'kijki kijk sauvat sauvo'],
  ['stove', 'kuchenk ocak keitin keittim'],
  ['germany', 'niemc niemie almanya'],
  ['norway', 'norwegi norvec'],
  ['france', 'francj fransa ranska'],
  ['spain', 'hiszpani ispanya espanja'],
  ['italy', 'włoch italya'],
  ['netherlands', 'holandi hollanda alankomaa'],
  ['uk', 'angli ingiltere englanti'],
  ['switzerland', 'szwajcari isvicre sveitsi'],
  ['austria', 'itavalta avusturya'],
  ['usa', 'yhdysvall'],
  ['canada', 'kanad'],
  ['sweden', 'ruotsi ruotsii'],
  ['norway', 'norja norjaa'],
  ['denmark', 'tanska tanskaa'],
  ['germany', 'saksa saksaa'],
  ['accept', 'hyvaksy'],
  ['sell', 'myyt myyda myytte'],
  ['brand', 'merkki merki'],
  ['stock', 'varasto'],
  ['rent', 'vuokra'],
  ['email', 'sahkopost'],
  ['phone', 'puhelin'],
  ['item', 'tuote tuotte tuott tavara'],
];

/**
 * Function words of Polish, Turkish, Russian, Arabic and Finnish (as written, folded): question words, pronouns,
 * prepositions, "can", "please", greetings. Like the other stop words, they carry no topic.
 */
export const inflectedStopWords =
  // Polish
  'czy jak jaki jaka jakie jakich ile gdzie kiedy do na w we z ze i a o u przy od dla przez się sie moge ' +
  'mogę można mozna mój moj moje moja mi mnie mam jest są sa to ten ta wasz wasze wasza wy pani prosze ' +
  'proszę dzien dobry czesc chce chcę który ktore które ktory ich jeśli jesli także takze ' +
  // Turkish
  'mi mı mu musunuz misiniz mısınız musun misin miyim mıyım miyiz mıyız muyum muyuz ederim eder edebilir edilir ediyor ediyorsunuz ne kadar nasıl nasil nerede hangi ve ile bir bu şu su icin için ' +
  'kac yok siz sizin benim zaman merhaba lutfen lütfen olur oluyor de da mıdır midir neler nedir ' +
  // Russian
  'как какои какие какая какое сколько где когда можно ли я мне мои моя мое вы ваш ваши вам у в во на с со и ' +
  'или за для по до это есть не что чем при из к о об нужно хочу могу будет здравствуите привет спасибо ' +
  'пожалуиста а если эта этот эти тот та те ваша ваше вашего вашеи наш наша уже еще ' +
  // Finnish
  'voinko voiko voin voitteko voisitteko onko ovatko miten mita mika mitka kuinka paljon missa milloin mista ' +
  'mihin teilla teidan teille minun minulla mina minulle tai ei kylla kiitos hei jos etta mutta myos viela saako ' +
  'saanko saisinko pitaako taytyyko haluan haluaisin kun tama taman tassa siita sita kanssa ilman ovat olen olla ' +
  'oli ole liian ' +
  // Arabic
  'هل ما ماذا كيف كم متى اين من في على الى عن مع لديكم لديك عندكم هي هو انا يمكن يمكنني ممكن هذا هذه لكم لي ' +
  'و او ان التي الذي سياسة شكرا مرحبا فضلك كلمة';

/** Folds a word as the tokenizer does: accents and other marks dropped, lower case. */
function foldWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Clitics an Arabic word may open with: "and", "the", "with the", "for the", and a verb's person. */
const arabicPrefixes = ['وال', 'بال', 'فال', 'كال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل', 'ت', 'ي', 'ن', 'س'];

/** Most letters after a stem of the given length: a short stem takes a short ending, a long one a longer ending. */
function maxEnding(stemLength: number): number {
  if (stemLength <= 3) return 2;
  return stemLength === 4 ? 4 : 6;
}

/**
 * Builds the lookup of {@link inflectedLexicon}: the English terms (through `toTerms`) of a word that starts
 * with a listed stem and ends in at most a few more letters, or undefined. A Latin-script stem needs four
 * letters (so that few English words start with one); an Arabic word is also tried without the clitics that
 * open it.
 */
export function createInflectedLookup(
  toTerms: (english: string) => string[],
): (word: string) => readonly string[] | undefined {
  const stems = new Map<string, readonly string[]>();
  for (const [english, forms] of inflectedLexicon) {
    const terms = toTerms(english);
    for (const form of forms.split(' ')) if (form !== '') stems.set(foldWord(form), terms);
  }
  const longest = Math.max(...[...stems.keys()].map((stem) => stem.length));
  const lookup = (word: string): readonly string[] | undefined => {
    const exact = stems.get(word);
    if (exact) return exact;
    const shortest = /^[\p{Script=Latin}\p{N}]+$/u.test(word) ? 4 : 3;
    for (let length = Math.min(word.length - 1, longest); length >= shortest; length--) {
      const terms = stems.get(word.slice(0, length));
      if (terms && word.length - length <= maxEnding(length)) return terms;
    }
    return undefined;
  };
  return (word) => {
    const found = lookup(word);
    if (found || !/\p{Script=Arabic}/u.test(word)) return found;
    for (const prefix of arabicPrefixes) {
      if (!word.startsWith(prefix) || word.length - prefix.length < 3) continue;
      const terms = lookup(word.slice(prefix.length));
      if (terms) return terms;
    }
    return undefined;
  };
}

/** The function words of {@link inflectedStopWords}, folded. */
export const inflectedStopWordSet: ReadonlySet<string> = new Set(
  inflectedStopWords
    .split(' ')
    .filter((word) => word !== '')
    .map(foldWord),
);
