/**
 * Swedish, Danish and Norwegian (Bokmål) words of the shop's topics, folded onto the English word the
 * knowledge base uses, as `cross-language.ts` does for the six languages it lists (and merged into it). The
 * three languages share most of their words, and their compounds (`presentkort`, `leveringstid`) are split
 * like German ones. Written as the tokenizer folds text: lower case, `å`, `ä` and `ö` as `a` and `o`, while
 * `æ` and `ø` stay (they have no accent to drop). Forms that are also English words a customer may write
 * ("store" is "big" in Danish, "told" is "customs", "bare" is "only") are left out.
 */
export const nordicLexicon: ReadonlyArray<readonly [english: string, forms: string]> = [
  // Shipping and delivery.
  [
    'ship',
    'skicka skickar skickas skickat skickade frakt frakten fraktar fraktas fragt fragten leverans leveranser leverera ' +
      'leveransen levererar levereras levererad levering leveringen levere leverer leveres levert leveret forsendelse ' +
      'forsendelsen forsendelser sendes sendt sende',
  ],
  ['cost', 'kostar kostnad kostnader kostnaden koster kostet kostede avgift avgiften afgift afgiften gebyr gebyret'],
  ['free', 'fri fritt gratis kostnadsfri kostnadsfritt gratisfrakt'],
  ['long', 'tid tiden lang lange'],
  ['day', 'dagar dagarna dage dagene dager dagen'],
  ['arrive', 'ankomst ankommer ankomme fremme kommer kommit kommet'],
  ['stove', 'stormkok kok kokare kogeapparat primus'],
  ['take', 'tager tar'],
  ['parcel', 'paket paketet paketen pakke pakken pakker pakkene pakket'],
  ['track', 'spara sparning sparningsnummer spore sporing sporingsnummer sporingsnummeret sporingslink'],
  ['customs', 'tull tullen tullavgift toll tollen toldgebyr'],
  ['tax', 'skatt skatten'],
  ['vat', 'mva'],
  ['abroad', 'utlandet utland udlandet udland'],
  ['number', 'nummer nummeret numret'],
  // Returns, refunds and exchanges.
  [
    'return',
    'returnera returnerar returneras retur returer returen returnere returnerer returneres returnering returret',
  ],
  ['refund', 'aterbetalning aterbetalningen aterbetala refusion refundering tilbakebetaling tilbagebetaling'],
  ['exchange', 'byta byter bytet bytta bytt bytte ombytning ombytte'],
  ['money', 'pengar pengarna penge pengene pengane'],
  // Sizes and fit.
  ['size', 'storlek storleken storlekar størrelse størrelsen størrelser str'],
  ['fit', 'passar passer passform'],
  ['small', 'liten litet lilla lille sma mindre'],
  ['large', 'stora stort storre større'],
  // Payment.
  ['pay', 'betala betalar betalas betalning betalningen betalningar betale betaler betales betalte'],
  ['method', 'metod metoder metode metoder metoden satt'],
  ['card', 'kort kortet korten'],
  ['credit card', 'kreditkort kreditkortet'],
  ['invoice', 'faktura fakturan fakturaen'],
  ['instalment', 'delbetalning delbetala delbetale avbetaling avbetalning'],
  ['bank transfer', 'bankoverforing bankoverførsel overforing overførsel'],
  ['cash', 'kontant kontanter kontanten'],
  ['currency', 'valuta valutan valutaen'],
  // Stores, hours and pickup.
  ['store', 'butik butiken butiker butikken butikker butikk butikkene varuhus'],
  ['open', 'oppet oppna oppnar oppen aben abent abner apen apent apne apner'],
  ['close', 'stanger stangt stangd lukker lukket lukke stenger stengt stenge'],
  ['hour', 'tider tiderna tidene tiderne'],
  ['saturday', 'lordag lordagar lørdag lørdage lørdager'],
  ['sunday', 'sondag sondagar søndag søndage søndager'],
  ['holiday', 'helgdag helgdagar helgdagen helligdag helligdage helligdager'],
  ['pickup', 'hamta hamtar hamtas hente henter hentes afhente afhenter afhentning'],
  ['address', 'adress adresser adressen'],
  // Orders and accounts.
  [
    'order',
    'bestallning bestallningen bestallningar bestalla bestallde bestallt bestilling bestillingen bestillinger ' +
      'bestille bestiller bestilt bestilte bestaller ordre ordren',
  ],
  [
    'cancel',
    'avbestalla avbestaller avbestallde avbestall avboka avbokar annullera annullerar annullere annullerer kansellere ' +
      'kansellerer kanseller afbestille afbestiller avbestille avbestiller',
  ],
  ['change', 'ændre ændring endre endring andring'],
  ['confirmation', 'bekraftelse bekraftelsen bekreftelse bekreftelsen bekræftelse bekræftelsen'],
  ['account', 'kontot kontoen'],
  ['password', 'losenord losenordet adgangskode adgangskoden passord passordet'],
  ['forgot', 'glomt glomde glemt glemte'],
  ['reset', 'aterstalla nulstille tilbakestille'],
  ['register', 'registrera registrere registrer'],
  ['email', 'epost mejl mejla'],
  ['phone', 'ringa ringe telefonnummer'],
  ['contact', 'kontakta kontakte'],
  // Products.
  ['jacket', 'jacka jackan jackor jakke jakken jakker jakka'],
  ['rain', 'regn regnet'],
  ['down', 'dun dunet'],
  ['waterproof', 'vattentat vattentata vanntett vandtæt vandtætte'],
  ['boot', 'kangor kanga kangorna støvler støvle støvlerne fjellsko fjellstøvler vandrestøvler'],
  ['shoe', 'skor skorna sko skoen skoene'],
  ['hike', 'vandring vandra vandre vandretur fottur'],
  ['tent', 'talt taltet telt teltet teltene'],
  ['sleeping bag', 'sovsack sovsacken sovsackar sovepose soveposen soveposer'],
  ['backpack', 'ryggsack ryggsacken rygsæk rygsækken ryggsekk ryggsekken'],
  ['kid', 'barn barnen barnet barna børn børnene barnens'],
  ['glove', 'handskar handske handsker hansker hanske vanter'],
  ['pant', 'byxor byxa bukser bukse buksene'],
  ['wash', 'tvatta tvattar tvatt vaske vasker vaskes vask'],
  ['machine', 'maskin maskinen maskine'],
  ['dry', 'torka torktumla torktumlare tumlare torke tørre tørretumbler'],
  ['care', 'skotsel vedlikehold pleje pleie'],
  ['warranty', 'garanti garantin garantien garantier'],
  ['broken', 'trasig trasiga trasigt sonder ødelagt ødelagte'],
  ['damaged', 'skadad skadade skadat skadet skadede beskadiget beskadigede'],
  ['repair', 'reparera reparerar reparation reparasjon reparere reparerer reparationen'],
  ['zip', 'dragkedja dragkedjan glidelas lynlas'],
  ['light', 'latt latta lattaste lett lettest letteste'],
  ['weight', 'vikt vikten vekt vekten vægt'],
  ['warm', 'varm varma varmt varme'],
  ['cold', 'kall kallt kaldt kold kolde'],
  ['winter', 'vinter vintern vinteren'],
  // Offers and extras.
  ['gift card', 'presentkort presentkortet gavekort gavekortet'],
  ['gift', 'present presenten gaver'],
  ['discount', 'rabatt rabatten rabat rabatten'],
  ['code', 'kod koden kode koder'],
  ['student', 'studerande studerende studenter'],
  ['price', 'pris priset prisen priser priserne'],
  ['sell', 'saljer salja saljs selger selge sælger sælge'],
  ['buy', 'kopa koper kopt kjøpe kjøper købe køber'],
  ['choose', 'valja valjer velge velger vælge vælger'],
  ['recommend', 'rekommendera rekommenderar anbefale anbefaler'],
  ['rent', 'hyra hyr hyrer leje lejer leie leier'],
  ['stock', 'lager lagret tillganglig tilgjengelig tilgængelig'],
  ['available', 'ledig ledige'],
  ['newsletter', 'nyhetsbrev nyhetsbrevet nyhedsbrev nyhedsbrevet'],
  ['receive', 'motta mottar mottatt modtage modtager modtaget'],
  ['item', 'vara varan varor vare varen varer produkt produkten produktet'],
  ['bag', 'vaska taske veske'],
  ['late', 'forsenad forsenat forsinket forsinkede'],
  ['missing', 'saknas mangler'],
  ['lost', 'forsvunnet forsvundet forsvunnen borttappad'],
  ['wrong', 'fel feil forkert'],
  ['valid', 'giltig giltigt gyldig gyldige galler gjelder gælder'],
  ['point', 'poang poangen poeng poengene'],
  ['member', 'medlem medlemmar medlemskap medlemskab'],
  ['material', 'materialet materiale materialer'],
  ['made', 'gjord gjort tillverkad laget lavet'],
  ['brand', 'marke marken merke merker mærke mærker varumarke'],
  ['review', 'recension recensioner anmeldelse anmeldelser omdome'],
  ['catalog', 'katalogen kataloget'],
  ['recycle', 'atervinna atervinning genbrug resirkulere gjenvinning'],
  ['sustainable', 'hallbar hallbart hallbarhet bæredygtig bærekraftig'],
  ['height', 'langd hoyde høyde højde'],
  // Numbers of people and items. The Danish and Norwegian four, "fire", is an English word, and the Swedish two,
  // "två", is folded like the French VAT ("TVA"): both left out.
  ['3', 'tre'],
  ['4', 'fyra'],
  ['5', 'fem'],
  ['people', 'personer personerna personene personerne'],
  ['women', 'dam damer dame'],
  ['men', 'herr herrar herre herrer'],
  ['headlamp', 'pannlampa pannlampor pandelampe hodelykt hodelykter'],
  ['pole', 'stavar staver vandringsstavar'],
  ['hammock', 'hangmatta hængekøje hengekøye'],
  ['kayak', 'kajak kajakk kanot kano'],
];

/** Function words of Swedish, Danish and Norwegian, folded: they carry no topic, like the English stop words. */
export const nordicStopWords =
  // Swedish
  'jag du ni vi den det dem ett och eller att som om pa av med fran hur vad nar var vilken vilket vilka kan ' +
  'kunna ska skall vill har hade ar inte ingen inget mitt mina din dina er era ert hej tack jo nej ocksa bara ' +
  'mycket finns snalla vanligen min sin sina mig dig oss ert hos till efter innan utan ' +
  // Danish and Norwegian
  'hvor hvordan hvad hva hvilken hvilke hvilket hvornar nar jeg dere deres meg oss os og ikke ikkje noe noget ' +
  'nogle noen ogsa mye meget være vaere er blir bliver skal vil kunne kan jer jeres hos ved til fra sa hei takk ' +
  'tak findes finnes ha har haver mine dine din sin sine mig dig seg sig';

/** Phrases of the three languages folded before the words are split ("skicka tillbaka" is a return). */
export const nordicPhrases: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:skicka|skickar|sende|sender|returnere) (?:\S+ ){0,3}?(?:tillbaka|tilbake|tilbage)\b/gu, 'return'],
  [/\b(?:pengarna|pengar|pengene|penge|pengane) (?:\S+ ){0,2}?(?:tillbaka|tilbake|tilbage)\b/gu, 'refund'],
  [/\bkomma fram\b|\bkommer (?:\S+ ){0,3}?fram\b/gu, 'arrive'],
  [/\be-post\b/gu, 'email'],
];
