import { createCjkSegmenter } from './cjk-lexicon.js';
import { createInflectedLookup, inflectedStopWordSet } from './inflected-lexicon.js';
import { nordicLexicon, nordicPhrases, nordicStopWords } from './nordic-lexicon.js';

/**
 * A small cross-language lexicon for the topics customers of a shop ask about (shipping, returns, sizes,
 * payment, stores and hours, orders, products, care, warranty) in Spanish, Portuguese, French, German,
 * Italian and Dutch. It folds a foreign word onto the English word the knowledge base uses, so "¿Cuánto
 * tarda el envío?" meets "How long does shipping take?" while the answer stays in English. Words are
 * written accent-folded and in lower case (`ß` as `ss`); inflected forms that the light stemmer does not
 * fold (`enviar`, `envían`) are listed beside the base form. The other languages the guard covers come
 * from `nordic-lexicon.ts` (Swedish, Danish, Norwegian: forms, like these), `inflected-lexicon.ts` (Polish,
 * Turkish, Russian, Arabic, Finnish: stems) and `cjk-lexicon.ts` (Japanese, Chinese: words cut out of a run
 * of characters); the lexicon built here looks up all of them.
 */
const lexicon: ReadonlyArray<readonly [english: string, forms: string]> = [
  // Shipping and delivery.
  [
    'ship',
    'envio envios enviar envian enviais enviamos envias envia entrega entregas entregan entregar entregais entregam ' +
      'frete fretes livraison livraisons livrer livrez livrent livre livres expedier expediez expedie ' +
      'envoi envois envoyer envoyez port versand versenden versendet verschicken verschickt liefern ' +
      'liefert lieferung lieferungen zustellung spedizione spedizioni spedire spedite spedisci spedito consegna ' +
      'consegne consegnare consegnate verzending verzendingen verzenden verzendt verzonden levering leveringen ' +
      'leveren levert bezorgen bezorging bezorgd bezorgt',
  ],
  ['express', 'expres expresso espresso espressa espresse urgente eilversand spoed'],
  [
    'arrive',
    'llega llegar llegara llegan llego chega chegar chegam chegou chegara arriver arrivera arriva arrivare arrivato ankommen ankunft aankomen',
  ],
  ['parcel', 'paquete paquetes pacote pacotes colis paket pakete pacco pacchi pakket pakketje pakketten'],
  [
    'track',
    'seguimiento rastrear rastreo rastreio rastreamento suivre suivi verfolgen sendungsverfolgung tracciare tracciamento volgen',
  ],
  [
    'take',
    'tarda tardan demora demoram tardam leva levam prend prennent prendra vuole vogliono dauert dauern braucht duurt nemen neem',
  ],
  // "How long": a period or a deadline ("el plazo de devolución", "le délai de livraison").
  [
    'long',
    'lange lang dura duran duracion durata dure plazo prazo prazos delai delais tiempo tempo tempi dauer frist lieferzeit lieferzeiten levertijd termijn',
  ],
  ['day', 'dia dias jour jours tage tagen giorno giorni dag dagen'],
  [
    'business',
    'habil habiles uteis ouvrable ouvrables werktag werktage werktagen lavorativo lavorativi werkdag werkdagen',
  ],
  [
    'international',
    'internacional internacionales internacionais internationale internationaux internazionale internazionali internationaal',
  ],
  ['abroad', 'extranjero etranger ausland estero buitenland'],
  ['customs', 'aduana aduanas alfandega douane douanes zoll zolle zollgebuhren dogana dogane'],
  ['tax', 'impuesto impuestos imposto impostos taxe taxes steuer steuern tasse belasting'],
  ['duty', 'arancel aranceles einfuhrzoll dazi dazio invoerrechten'],
  // Countries the shop ships to, by the English name the knowledge base lists.
  ['spain', 'espana espanha espagne spanien spagna spanje'],
  ['portugal', 'portugal portogallo'],
  ['france', 'francia franca frankreich frankrijk'],
  ['italy', 'italia italie italien itali'],
  ['netherlands', 'holanda hollande niederlande nederland olanda paesi bassi'],
  ['belgium', 'belgica belgique belgien belgio belgie'],
  ['austria', 'autriche osterreich oostenrijk'],
  ['germany', 'alemania alemanha allemagne deutschland germania duitsland'],
  ['switzerland', 'suiza suica suisse schweiz svizzera zwitserland'],
  ['ireland', 'irlanda irlande irland ierland'],
  ['poland', 'polonia polonha pologne polen'],
  ['denmark', 'dinamarca danemark danimarca denemarken danmark'],
  ['sweden', 'suecia suede schweden svezia zweden sverige'],
  ['luxembourg', 'luxemburgo luxemburg lussemburgo'],
  ['czech', 'chequia tchequie tschechien cechia tsjechie'],
  ['greece', 'grecia grece griechenland griekenland'],
  ['finland', 'finlandia finlande finnland'],
  ['uk', 'inglaterra angleterre england inghilterra engeland grossbritannien'],
  ['usa', 'eeuu eua'],
  // Returns, refunds and exchanges.
  [
    'return',
    'devolucion devoluciones devolver devuelvo devolverlo devolverla devolverlos devuelve devolucao devolucoes devolvo ' +
      'retour retours retourner retourne renvoyer rucksendung rucksendungen rucksenden zurucksenden zuruckschicken ' +
      'zuruckgeben ruckgabe retoure retouren zuruck reso resi restituire restituzione rendere retourneren ' +
      'retourneer retourzending terugsturen terugbrengen',
  ],
  [
    'refund',
    'reembolso reembolsos reembolsar reembolsado remboursement rembourser rembourse erstattung ruckerstattung erstatten rimborso rimborsare rimborsato terugbetaling terugbetalen',
  ],
  ['exchange', 'troca trocas trocar echange echanges echanger umtausch umtauschen tauschen sostituire ruilen omruilen'],
  ['wear', 'usado usada usados usadas puesto puesta getragen indossato indossata gedragen'],
  // "Calço 40": the shoe size I wear.
  ['wear', 'calco calcar calcam'],
  [
    'wear',
    'trage tragen llevar usar vestir porter indossare dragen porte portes portee portees getragene getragenen gebruikt',
  ],
  ['label', 'etiqueta etiquetas etiquette etiquettes etikett etiketten etichetta etichette'],
  // Sizes and fit.
  [
    'size',
    'talla tallas talle tamanho tamanhos taille tailles pointure grosse grossen grosse groesse taglia taglie misura misure maat maten',
  ],
  ['fit', 'ajuste queda caimento coupe passform vestibilita pasvorm'],
  ['small', 'pequeno pequena pequenos petit petite klein piccolo piccola'],
  ['big', 'grande grandes gross grand'],
  // Payment.
  [
    'pay',
    'pago pagos pagar pagamento pagamentos paiement paiements payer payez zahlung zahlungen bezahlen zahlen bezahlung pagamento pagamenti pagare betaling betalingen betalen betaal',
  ],
  [
    'method',
    'metodo metodos forma formas meio meios moyen moyens methode methoden arten modalita modalidades manier manieren',
  ],
  [
    'accept',
    'aceptan aceptais acepta aceptar aceitam aceita aceitar acceptez acceptent accepter akzeptieren akzeptiert accettate accettano accettare accepteren accepteert',
  ],
  ['card', 'tarjeta tarjetas cartao cartoes carte cartes karte karten carta kaart kaarten'],
  ['credit card', 'creditcard kreditkarte creditcards kreditkarten'],
  ['credit', 'credito kredit'],
  ['invoice', 'factura facturas fatura faturas facture factures rechnung rechnungen fattura fatture factuur facturen'],
  ['instalment', 'cuotas plazos parcela parcelas parcelado mensualite mensualites raten rata termijnen'],
  ['declined', 'rechazado rechazada recusado abgelehnt rifiutato rifiutata geweigerd'],
  // Stores, hours and pickup.
  [
    'store',
    'tienda tiendas loja lojas magasin magasins boutique boutiques laden geschaft filiale filialen negozio negozi winkel winkels filiaal',
  ],
  [
    'open',
    'abierto abierta abiertos abren abre abris aberto aberta abertos abrem ouvert ouverte ouverts ouvre ouvrez ouverture geoffnet offnen offnet offnung aperto aperta aperti apre aprite apertura geopend opening',
  ],
  [
    'close',
    'cierran cierra cerrado cerrada fecham fechado ferme fermez fermeture fermes geschlossen schliessen schliesst chiude chiudete chiuso chiusi dicht gesloten sluit sluiten',
  ],
  [
    'hour',
    'horario horarios hora horas horaire horaires heure heures zeiten uhrzeit uhr orario orari ora ore openingstijden tijden uur uren',
  ],
  ['saturday', 'sabado sabados samedi samstag samstags sonnabend sabato zaterdag'],
  ['sunday', 'domingo domingos dimanche sonntag sonntags domenica zondag'],
  ['holiday', 'feriado feriados festivo festivos ferie feiertag feiertagen feiertage festivi feestdag feestdagen'],
  [
    'pickup',
    'recoger recogida recogerlo retirar retirada retirer retrait abholen abholung ritirare ritiro ophalen afhalen',
  ],
  ['address', 'direccion direcciones endereco enderecos adresse adressen indirizzo adres'],
  // Orders and accounts.
  [
    'order',
    'pedido pedidos encomenda encomendas commande commandes commander bestellung bestellungen bestellen bestellt ordine ordini ordinato bestelling bestellingen besteld',
  ],
  [
    'cancel',
    'cancelar cancelarlo anular annuler annule stornieren storno stornierung annullare annullo cancellare annuleren',
  ],
  ['change', 'modificar modifier changer andern anderung modificare wijzigen veranderen'],
  ['confirmation', 'confirmacion confirmacao bestatigung bestaetigung conferma bevestiging'],
  ['account', 'cuenta conta compte konto kundenkonto'],
  ['password', 'contrasena senha passe passwort kennwort wachtwoord'],
  ['forgot', 'olvide olvidado esqueci oublie vergessen dimenticato vergeten'],
  ['email', 'correo correos courriel'],
  ['phone', 'telefono telefone telephone telefon telefoon llamar ligar appeler anrufen chiamare bellen'],
  ['contact', 'contacto contato contacter kontakt kontaktieren contattare contatto'],
  // Products.
  [
    'jacket',
    'chaqueta chaquetas campera jaqueta jaquetas casaco veste vestes blouson jacke jacken giacca giacche giubbotto jas jassen',
  ],
  ['waterproof', 'impermeable impermeables impermeavel wasserdicht impermeabile waterdicht'],
  ['rain', 'lluvia chuva pluie regen pioggia'],
  ['down', 'plumon plumas duvet doudoune daunen piumino piumini dons'],
  ['boot', 'bota botas botte bottes stiefel scarponi scarponcini scarpone laarzen laars bergschoenen wandelschoenen'],
  [
    'shoe',
    'zapato zapatos zapatilla zapatillas sapato sapatos tenis chaussure chaussures schuh schuhe schuhen scarpa scarpe schoen schoenen',
  ],
  ['hike', 'senderismo trilha caminhada randonnee wandern wander trekking escursionismo escursione wandelen wandel'],
  ['tent', 'carpa carpas barraca barracas tente tentes zelt zelte tenda tende'],
  ['sleeping bag', 'schlafsack couchage slaapzak'],
  ['sleep', 'dormir schlafen dormire slapen'],
  ['backpack', 'mochila mochilas rucksack zaino zaini rugzak'],
  [
    'kid',
    'nino ninos nina ninas hijo hija hijos crianca criancas filho filha enfant enfants kinder sohn tochter bambino bambini bambina figlio figlia kinderen',
  ],
  ['glove', 'guante guantes luva luvas gant gants handschuh handschuhe guanto guanti handschoen handschoenen'],
  ['wash', 'lavar lavo lave laver lavage waschen wasche lavare lavaggio wassen'],
  ['machine', 'lavadora maquina machine waschmaschine lavatrice wasmachine'],
  ['dry', 'secar secadora secher seche sechoir trocknen trockner asciugare asciugatrice drogen droger'],
  ['clean', 'limpiar limpar nettoyer reinigen pulire schoonmaken'],
  ['care', 'cuidado cuidados entretien pflege cura onderhoud'],
  ['warranty', 'garantia garantie garanzia gewahrleistung'],
  ['broken', 'roto rota rotos quebrado quebrada casse cassee kaputt rotto rotta kapot'],
  ['broken', 'rompio rompe rompieron romper quebrou quebraram rompu cassé gerissen rotta rotto rotti kapotgegaan'],
  ['defect', 'defectuoso defectuosa defeituoso defeituosa defectueux defectueuse defekt difettoso difettosa defect'],
  [
    'damaged',
    'danado danada danados danificado danificada endommage abime beschadigt beschadigd danneggiato danneggiata',
  ],
  ['zip', 'cremallera cierre ziper reissverschluss cerniera rits'],
  [
    'repair',
    'reparar reparacion reparo consertar conserto reparer reparation reparatur reparieren riparare riparazione reparatie repareren',
  ],
  ['light', 'ligero ligera liviano leve leger legere leicht leggero leggera licht lichte'],
  ['weight', 'peso poids gewicht'],
  ['warm', 'caliente calido quente chaud chaude warm caldo calda'],
  ['cold', 'frio fria froid kalt freddo koud'],
  ['winter', 'invierno inverno hiver'],
  // Offers and extras.
  ['gift', 'regalo regalos presente cadeau cadeaux geschenk geschenke'],
  ['voucher', 'bon gutschein gutscheine buono buoni tegoed'],
  ['discount', 'descuento descuentos desconto descontos reduction remise rabatt sconto sconti korting'],
  ['code', 'codigo codigos codice codici cupon cupones cupom'],
  ['student', 'estudiante estudiantes estudante estudantes etudiant etudiants studenten studierende studente studenti'],
  ['price', 'precio precios preco precos prix preis preise prezzo prezzi prijs prijzen'],
  [
    'cost',
    'cuesta cuestan costo coste costos custa custam custo custos coute coutent cout couts frais kostet kosten gebuhr gebuhren costa costano costi kost',
  ],
  ['free', 'gratis gratuito gratuita gratuitos gratuit gratuite gratuits kostenlos umsonst gratuiti'],
  ['sell', 'venden vendeis vende vendem vendez vendre verkaufen verkauft vendete vendono verkopen verkoopt'],
  [
    'buy',
    'comprar compre compra compro acheter achete achat kaufen gekauft kauf comprare comprato acquistare kopen gekocht',
  ],
  ['choose', 'elegir escoger escolher choisir wahlen auswahlen scegliere kiezen'],
  [
    'recommend',
    'recomiendan recomendar recomienda recomendam recommandez recommander empfehlen empfehlt consigliate consigliare consigli aanraden',
  ],
  ['rent', 'alquilar alquiler alugar aluguel louer mieten miete noleggiare noleggio huren'],
  ['stock', 'existencias estoque disponible disponivel disponibilite verfugbar lager disponibile voorraad'],
  ['newsletter', 'boletin'],
  [
    'receive',
    'recibir recibo recibe recibire recibiremos recibi recibido receber recebo recebe receberei recebi recebido recevoir recois recevrai recu erhalten erhalte erhalt bekomme bekommen bekommt ricevere ricevo ricevero ricevuto ontvangen ontvang krijg krijgen krijgt',
  ],
  [
    'item',
    'producto productos produto produtos prodotto prodotti produit produits produkt produkte articulo articulos artigo artigos article articles articolo articoli artikel artikelen',
  ],
  ['money', 'dinero dinheiro argent geld soldi'],
  ['bag', 'saco sacos sac sacs sacco borsa tasche tas'],
  ['munich', 'munchen munique monaco'],
  ['hamburg', 'hamburgo amburgo'],
  ['berlin', 'berlijn berlino'],
  // Spanish and Italian "cambiar" is both changing an order or a password and exchanging an item.
  ['change exchange', 'cambio cambios cambiar cambiarlo cambiarla cambia cambiare cambiato'],
  ['long', 'tijd zeit temps'],
  ['cost', 'gastos gasto spese'],
  ['arrive', 'arrive arrivee arrivees arrives arrivata arrivato llegado llegada chegado angekommen ankommt aangekomen'],
  ['late', 'retraso retrasado atraso atrasado retard ritardo verspatet verspatung vertraagd laat'],
  ['physical', 'fisica fisicas fisico physique physisch fisiche'],
  // The rest of a shop's everyday words in the six languages: how it fits, how to pay, what it is made of,
  // what went wrong with an order, the catalogue and the account.
  [
    'fit',
    'quedan quede queden quedaria quedara ajusta ajustan serviu servem ficam vesti vestibilita calza passt passen ' +
      'sitzt pasvorm zit',
  ],
  // How a brand's sizes run ("taillent petit", "fallen klein aus", "vestono piccole", "valt klein").
  ['run', 'tallan taillent fallen fallt vestono calzano valt vallen'],
  ['small', 'pequenas pequenos petites petits kleine kleiner piccole piccoli piccolissimo'],
  ['large', 'grandi grote groter groot grosser grossere grandes'],
  ['bank transfer', 'transferencia transferencias virement uberweisung vorkasse bonifico overboeking overschrijving'],
  ['bank', 'bancaria bancario banco bancaire banque'],
  ['cash on delivery', 'contrareembolso nachnahme contrassegno rembours'],
  ['cash', 'efectivo especes contanti contant bargeld'],
  ['currency', 'moneda moedas moeda devise devises wahrung valuta'],
  ['brand', 'marca marcas marque marques marke marken marche merk merken'],
  ['material', 'materiales materiais matiere matieres materiau materiaux materialien materiale materiali materiaal'],
  ['made', 'hecho hecha fabricado fabricada feito feita fabrique fabriquee gemacht hergestellt fatto fatta gemaakt'],
  ['weight', 'pesa pesan wiegt weegt'],
  ['dimension', 'medidas dimensiones dimensoes abmessungen misure dimensioni afmetingen'],
  ['pant', 'pantalon pantalones calca calcas pantalons hose hosen pantaloni broek broeken'],
  ['jacket', 'abrigo abrigos manteau manteaux mantel cappotto'],
  ['shoe', 'calzado calcado calcados'],
  ['care', 'cuidar cuido entretenir entretien pflegen pflege curare onderhouden onderhoud'],
  ['sold', 'agotado agotados agotada esgotado esgotados epuise epuisee ausverkauft esaurito esaurita uitverkocht'],
  ['available', 'disponibles disponiveis disponibili beschikbaar'],
  ['sell', 'vendeis vendem vendes verkauft verkoopt verkopen'],
  [
    'register',
    'registrarme registrar registrarse cadastro cadastrar inscrire inscription registrieren registrarmi registrarsi registreren',
  ],
  ['reset', 'restablecer redefinir reinitialiser zurucksetzen reimpostare resetten'],
  ['lost', 'perdido perdida perdu perdue verloren perso persa kwijt'],
  ['wrong', 'equivocado equivocada errado errada erreur falsch sbagliato sbagliata verkeerd verkeerde'],
  ['missing', 'falta faltan manque manquant fehlt fehlen manca mancano ontbreekt ontbreken'],
  ['vat', 'iva tva mwst'],
  ['valid', 'valido valida validos validas valide gultig gultigkeit geldig'],
  ['catalog', 'catalogo catalogus katalog'],
  ['review', 'opinion opiniones resena resenas avaliacao avaliacoes avis bewertung bewertungen recensione recensioni'],
  ['point', 'puntos pontos points punkte punti punten'],
  ['member', 'socio socia membro membre mitglied mitgliedschaft'],
  ['recycle', 'reciclar reciclaje recycler recyceln riciclare recyclen'],
  ['sustainable', 'sostenible sustentavel nachhaltig sostenibile duurzaam'],
  ['gift wrap', 'envoltorio embrulho emballage geschenkverpackung confezione inpakken'],
  ['voucher', 'vale'],
  ['refund', 'estorno reembolsan'],
  ['change', 'alterar'],
  ['defect', 'defeito'],
  ['arrive', 'llegue lleguen tardara'],
  ['ship', 'mandan mandais mandar enviam versturen verstuurd'],
  ['newsletter', 'nieuwsbrief'],
  ['discount', 'kortingscode'],
  // Numbers of people and items ("une tente pour quatre personnes"), as the digits the English number words become.
  ['2', 'dos dois duas deux zwei twee'],
  ['3', 'tres trois drei drie'],
  ['4', 'cuatro quatro quatre vier quattro'],
  ['5', 'cinco cinq funf cinque vijf'],
  ['6', 'seis sechs zes'],
  ['people', 'personas pessoas personnes personen persone mensen leute'],
  [
    'women',
    'mujer mujeres femenino femenina femeninos femeninas feminino feminina femininos femininas damen donna donne dames',
  ],
  ['men', 'hombre hombres masculino masculina herren uomo uomini heren'],
  ['down jacket', 'plumifero plumiferos'],
  ['pole', 'baston bastones bastao bastoes batons stocke wanderstocke bastoncini stok stokken wandelstokken'],
  [
    'headlamp',
    'linterna frontal lanterna frontale lampe lampen stirnlampe stirnlampen lampada torcia zaklamp hoofdlamp',
  ],
  ['wrong', 'mauvais mauvaise'],
  // A few of the product range's families without an entry of their own.
  ['hammock', 'hamaca hamacas rede redes hamac hamacs hangematte hangematten amaca amache hangmat hangmatten'],
  ['kayak', 'kajak kajaks kayac caiaque caiaques canoa canoas kanu kanus kano kanos'],
  ['take', 'mette mettono'],
  ['track', 'traccio traccia tracciate'],
  [
    'stove',
    'hornillo hornillos fogareiro fogareiros fogao rechaud rechauds kocher gaskocher fornello fornelli fornellino brander',
  ],
  // Countries the shop ships to, as the Scandinavian, Polish, Turkish and Finnish customers write them.
  ['norway', 'norge noruega norvege norwegen norvegia noorwegen'],
  ['canada', 'kanada'],
  ['germany', 'tyskland'],
  ['poland', 'polen'],
  ['france', 'frankrike frankrig'],
  ['spain', 'spania'],
  ['italy', 'italia'],
  ['netherlands', 'holland nederlanderna nederlandene'],
  ['belgium', 'belgia'],
  ['austria', 'osterrike østrig østerrike'],
  ['switzerland', 'sveits'],
  ['uk', 'storbritannien storbritannia'],
  ['czech', 'tjeckien tjekkiet tsjekkia'],
  ['greece', 'grekland grækenland'],
  // The first part of German compounds ("Lieferadresse", "Lieferzeit").
  ['ship', 'liefer'],
];

/**
 * Function words of the six languages: they carry no topic, like the English stop words. Those that are
 * also English words a customer may use are in `sharedStopWords` instead.
 */
const foreignStopWords =
  // Spanish
  'el la los las un una unos unas del al lo le les se me te mi mis tu tus su sus nos y o u e en con por para que ' +
  'como cuando donde cual cuales cuanto cuanta cuantos cuantas quien es esta estan estoy ser hay tengo tiene tienen ' +
  'tienes teneis puedo puede pueden puedes podeis podria hacer hacen haceis hace hago hola gracias pero si no muy ' +
  'mas ya este estos estas ese esa eso esto algo alguna alguno quiero quisiera necesito favor sobre tambien usted ' +
  'ustedes vosotros yo mio mia otra otro otros pregunta ayuda ayudar saber hasta desde cada todo toda todos debo ' +
  'debe deberia obtener ofrecen ofreceis estara ' +
  // Portuguese
  'os as um uma uns umas do da dos das no na nos nas pelo pela pelos pelas qual quais quanto quanta quando onde ' +
  'vc vcs pra pro ainda ' +
  'sao estao tem tenho posso pode podem meu minha meus minhas seu sua seus suas voce voces eu ele ela isso isto ' +
  'esse essa aqui ali muito sim oi ola obrigado obrigada tambem fazer faz fazem quero queria preciso gostaria ' +
  'pergunta ajuda ate cada todo toda nao faco fazemos obter oferecem alguma mais com devo deve devemos outra outro em ' +
  // French
  'les une des du de au aux et ou dans sur pour par avec sans qu qui quoi quel quelle quels quelles quand comment ' +
  'combien est sont suis etre avoir ai avez ont je il elle nous vous ils elles mon ma mes ton ta tes sa ses notre ' +
  'votre vos leur leurs ce cet cette ces ca cela ne pas tres bien bonjour salut merci oui non peux peut pouvez ' +
  'puis faut faire fait font y besoin veux voudrais voudrait question aide ici tout toute tous obtenir proposez ' +
  'proposer quelque chose dois doit serai sera seras autre autres fais faites contre ' +
  // German
  'der die das den dem des ein eine einen einem einer eines und oder aber im auf aus bei mit nach von vom zu zum ' +
  'zur fur uber unter vor wie was wo wann warum welche welcher welches welchen wer ist sind bist sein haben habe ' +
  'habt hatte kann konnen konnt kannst muss mussen soll sollte sollen wollen mochte mochten wurde werden wird ich ' +
  'du er sie es wir ihr mich mir dich dir uns euch ihnen mein meine meinen meinem meiner dein deine ihre ihren ' +
  'unser unsere euer eure sich nicht kein keine keinen ja nein auch noch schon nur sehr mal doch denn dann hallo ' +
  'danke bitte gibt normalerweise frage hilfe wenn ob hoch nehmen nehme etwas mehr viel vielen bieten andere ' +
  'anderen ander ' +
  // Italian
  'il gli di della dei degli delle dal dalla nel nella sul sulla con su per tra fra ed ad che chi cosa come dove ' +
  'quale quali quanta quanti sono sei siamo siete essere ho hai ha abbiamo avete hanno posso puo puoi possiamo ' +
  'potete vorrei voglio mio miei mie tuo tua suo vostro vostra vostri vostre nostro nostra nostri nostre ci vi si mi ti non piu molto anche ' +
  'ciao grazie buongiorno salve questo questa quello quella domanda aiuto ottenere offrite qualcosa sara altra ' +
  'avete uno ' +
  'altro ' +
  // Dutch
  'het een op aan voor van naar uit om te tot als dan dat dit deze wat wie waar wanneer waarom hoe hoeveel welke ' +
  'zijn ben bent waren heb hebt heeft hebben kan kun kunt kunnen mag moet moeten wil wilt willen zou ik jij je ' +
  'hij zij ze wij jullie mijn jouw uw ons onze hun niet geen ja nee ook nog al wel erg hallo hoi dank bedankt ' +
  'graag er hier daar vraag hulp bieden iets meer met ' +
  // Elided articles and pronouns of French and Italian ("l'article", "dell'ordine").
  'l d j qu n s c m t dell nell sull dall ' +
  // Acknowledgements that open a follow-up ("Ótimo, e a troca é grátis?").
  'otimo perfeito perfecto genial bueno bom parfait toll prima klasse perfekt ottimo perfetto benissimo fijn mooi ' +
  // "Policy" and its kin carry no topic, as in English ("¿Cuál es la política de devoluciones?").
  'politica politicas politique richtlinie richtlinien beleid regeling condiciones condicoes conditions bedingungen ' +
  'condizioni voorwaarden';

/**
 * Function words of the foreign languages that are also English words a customer may use ("son", "car",
 * "plus", "hat", "bin", "man", the Italian "fare" and the Scandinavian "far" and "bare"): stop words only
 * in a message that reads as one of those languages.
 */
const sharedStopWords = new Set(['son', 'car', 'plus', 'hat', 'bin', 'man', 'fare', 'far', 'bare']);

/** Phrases of the six languages folded before the words are split ("sac à dos" is a backpack). */
export const foreignPhrases: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bsacs? a dos\b/gu, 'backpack'],
  [/\bsacos? de dormir\b|\bsacs? de couchage\b|\bsacchi? a pelo\b/gu, 'sleeping bag'],
  [/\b(?:geld|dinero|dinheiro|argent|soldi) (?:zuruck|terug|de vuelta|de volta|rendu|indietro)\b/gu, 'refund'],
  [/\bmot de passe\b/gu, 'password'],
  // Paying in instalments: "en plusieurs fois", "a rate", "in Raten", "a plazos".
  [/\ben (?:plusieurs|2|3|4|deux|trois|quatre) fois\b|\b(?:pagare|pagamento|pagar) a rate\b/gu, 'instalment'],
  [/\btienda de campana\b/gu, 'tent'],
  // German and Dutch separable verbs, whose particle closes the clause: "Wie setze ich mein Passwort zurück?",
  // "Wann kommt mein Paket an?", "Wanneer komt hij aan?", "Kann ich sie im Laden abholen" is one word already.
  [/\b(?:setze|setzt|setzen|stelle|stellt|stellen)\b((?: [\p{L}\p{N}]+){0,5}?) zuruck\b/gu, 'reset$1'],
  [/\b(?:komme|kommt|kommen|kam)\b((?: [\p{L}\p{N}]+){0,5}?) an\b/gu, 'ankommen$1'],
  [/\b(?:kom|komt|komen|kwam)\b((?: [\p{L}\p{N}]+){0,5}?) aan\b/gu, 'aankomen$1'],
  [/\b(?:hole|holt|holen)\b((?: [\p{L}\p{N}]+){0,5}?) ab\b/gu, 'abholen$1'],
  [/\b(?:tausche|tauscht|tauschen)\b((?: [\p{L}\p{N}]+){0,5}?) um\b/gu, 'umtauschen$1'],
  [/\b(?:stuur|stuurt|sturen|breng|brengt|brengen)\b((?: [\p{L}\p{N}]+){0,5}?) terug\b/gu, 'terugsturen$1'],
  [/\b(?:haal|haalt|halen)\b((?: [\p{L}\p{N}]+){0,5}?) op\b/gu, 'ophalen$1'],
  [/\b(?:ruil|ruilt|ruilen)\b((?: [\p{L}\p{N}]+){0,5}?) om\b/gu, 'omruilen$1'],
  // "Abroad" in Portuguese is "the outside" ("para o exterior"), a word English uses for the shell of a jacket.
  [/\b(?:para o|no|do|ao) exterior\b/gu, 'abroad'],
  [/\brahat takaisin\b/gu, 'refund'],
  [/\bdevolver(?:me|nos|le|te)? (?:el|mi|mis|los) dinero\b/gu, 'refund'],
  // "Não chegou", "no ha llegado", "nicht angekommen": an order that has not arrived is late.
  [
    /\b(?:nao|no|pas|nicht|non|niet|nie|ikke|inte|ei)\b((?: [\p{L}\p{N}]+){0,3}?) (?:chegou|chegaram|llegado|llego|llegaron|arrive|arrivee|arrives|angekommen|arrivato|arrivata|arrivati|aangekomen|dotarła|dotarl|dotarło|kommet|kommit|saapunut)\b/gu,
    '$1 late arrive',
  ],
  // "Mi vanno bene", "mi sta stretto": how it fits.
  [
    /\b(?:va|vanno|sta|stanno) (?:bene|male|stretto|stretti|stretta|strette|largo|larghi|larga|larghe|piccolo|piccola|grande)\b/gu,
    'fit',
  ],
  // Too small or too big ("demasiado pequeña", "trop petit", "zu groß", "troppo stretti", "te klein").
  [
    /\b(?:demasiado|muy|demais|trop|zu|troppo|te|za|for|liian|cok)\s+(pequen[oa]s?|grandes?|apertad[oa]s?|petite?s?|grande?s?|serre(?:e|s|es)?|klein|gross|eng|piccol[oaie]|grand[ei]|strett[oaie]|groot|krap|mał[aey]|duz[aey]|liten|lille|stor|pieni|suuri|kucuk|buyuk)\b/gu,
    '$1 exchange',
  ],
  // Countries of two words.
  [/\b(?:estados unidos|vereinigte staaten|etats unis|stati uniti|verenigde staten|stany zjednoczone)\b/gu, 'usa'],
  [/\b(?:reino unido|royaume uni|regno unito|verenigd koninkrijk|wielka brytania)\b/gu, 'uk'],
  ...nordicPhrases,
];

/**
 * A word that marks a message as Polish, Turkish or Finnish by its letters: `ı` or `ł`, or the Finnish question
 * ending -ko of a longer word ("Paljonko", "Voitteko", "Toimitatteko").
 */
const latinMarkerPattern = /[ıł]|^\p{L}{3,}ko$/u;

/** Linking letters between the parts of a German or Dutch compound (`Öffnungszeiten`, `openingstijden`). */
const linkingElements = ['', 's', 'n', 'en', 'e', 'es'];

/** Folds foreign words of the lexicon onto English terms. */
export interface CrossLanguageLexicon {
  /** The English terms of a listed foreign word (also with a plural `-s` or a French `-e`), or undefined. */
  translate(word: string): readonly string[] | undefined;
  /**
   * The English terms of a Polish, Turkish, Russian, Arabic or Finnish word by its stem (see
   * `inflected-lexicon.ts`), or undefined. A word in Latin letters is looked up only in a message (of words
   * `words`) that holds a Polish, Turkish or Finnish function word, letter (`ł`, `ı`) or question ending (-ko),
   * so an English word that happens to start like a stem stays English.
   */
  translateInflected(word: string, words: readonly string[]): readonly string[] | undefined;
  /** The English terms of a run of Japanese or Chinese characters (see `cjk-lexicon.ts`), or undefined. */
  segment(word: string): string[] | undefined;
  /** True for a function word of one of the languages (the six, and Polish, Turkish, Russian, Arabic). */
  isStopWord(word: string): boolean;
  /**
   * True for a function word that is also an English word ("son", "hat"), read as a stop word in a
   * message whose words are `words` only when more of them are foreign function words than English ones.
   */
  isSharedStopWord(word: string, words: readonly string[], isEnglishStopWord: (word: string) => boolean): boolean;
  /** The English terms of a German or Dutch compound made only of listed words (`versandkosten`), or undefined. */
  splitCompound(word: string): string[] | undefined;
}

/**
 * Builds the lexicon. Foreign words are matched as written (the English stemmer would fold `carte` onto
 * the English `cart`); the English words are turned into terms with `toTerms`, the tokenizer's own stemming.
 */
export function createCrossLanguageLexicon(toTerms: (english: string) => string[]): CrossLanguageLexicon {
  const translations = new Map<string, readonly string[]>();
  for (const [english, forms] of [...lexicon, ...nordicLexicon]) {
    const terms = toTerms(english);
    for (const form of forms.split(' ')) if (form !== '') translations.set(form, terms);
  }
  const stopWords = new Set(`${foreignStopWords} ${nordicStopWords}`.split(' '));
  const inflected = createInflectedLookup(toTerms);
  // Polish, Turkish and Finnish function words no other language uses: a message with one reads as one of them.
  const latinMarkers = new Set(
    [...inflectedStopWordSet].filter((word) => /^\p{Script=Latin}+$/u.test(word) && !stopWords.has(word)),
  );

  const translate = (word: string): readonly string[] | undefined =>
    translations.get(word) ??
    (word.length > 4 && word.endsWith('s') ? translations.get(word.slice(0, -1)) : undefined) ??
    // French agreement: "endommagée", "endommagées" as "endommagé".
    (word.length >= 7 && /ees?$/.test(word) ? translations.get(word.replace(/es?$/, '')) : undefined);
  const part = (text: string): readonly string[] | undefined => (text.length >= 3 ? translate(text) : undefined);
  const split = (word: string, depth: number): string[] | undefined => {
    const whole = depth > 0 ? part(word) : undefined;
    if (whole) return [...whole];
    if (depth >= 3) return undefined;
    for (let cut = word.length - 3; cut >= 3; cut--) {
      const head = word.slice(0, cut);
      for (const link of linkingElements) {
        if (!head.endsWith(link)) continue;
        const english = part(head.slice(0, head.length - link.length));
        if (!english) continue;
        const rest = split(word.slice(cut), depth + 1);
        if (rest) return [...english, ...rest];
      }
    }
    return undefined;
  };

  return {
    translate,
    translateInflected: (word, words) =>
      !/^[\p{Script=Latin}\p{N}]+$/u.test(word) ||
      words.some((other) => latinMarkers.has(other) || latinMarkerPattern.test(other))
        ? inflected(word)
        : undefined,
    segment: createCjkSegmenter(toTerms),
    isStopWord: (word) => stopWords.has(word) || inflectedStopWordSet.has(word),
    isSharedStopWord: (word, words, isEnglishStopWord) => {
      if (!sharedStopWords.has(word)) return false;
      const foreign = words.filter((other) => stopWords.has(other) && !isEnglishStopWord(other)).length;
      const english = words.filter((other) => isEnglishStopWord(other) && !stopWords.has(other)).length;
      return foreign >= 1 && foreign > english;
    },
    splitCompound: (word) => (word.length >= 7 ? split(word, 0) : undefined),
  };
}
