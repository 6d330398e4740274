/** A kind of request a general assistant gets that a support assistant rarely handles. */
export interface OffTopicRequest {
  /** Stable name, reported in the signal's detail (e.g. `programming`). */
  id: string;
  /** Matched against normalized text (lower case, no accents). */
  pattern: RegExp;
}

/**
 * General-assistant requests: writing, code, homework, trivia, news, weather, recipes,
 * entertainment, translation, jokes, repairs unrelated to a shop. The out-of-scope detector
 * uses a kind only when none of the scope utterances matches it, so a scope that does cover
 * (say) recipes or translations keeps them in scope.
 */
export const offTopicRequests: readonly OffTopicRequest[] = [
  {
    id: 'writing',
    pattern:
      /\b(?:write|compose|draft|generate|create|make up|come up with|rewrite|proofread|summari[sz]e|paraphrase)\s+(?:me\s+|us\s+)?(?:a|an|the|some|my|this|that)?\s*(?:\w+\s+){0,2}?(?:poem|poems|story|stories|essay|essays|song|songs|lyrics|haiku|limerick|rap|speech|toast|eulogy|cover letter|resume|cv|love letter|letter to my|(?:email|e-mail|letter|message|note|text) to my (?:landlord|boss|teacher|ex|girlfriend|boyfriend|wife|husband|mom|mum|dad|friend|neighbou?r|professor|employer|coworker|doctor|tenant|team)|wedding vows|vows|article|blog(?: post)?|tweet|caption|novel|screenplay|script for|slogan|paragraph|thesis|report on|text|bio)\b/,
  },
  {
    id: 'programming',
    pattern:
      /\b(?:python|javascript|typescript|java|c\+\+|c#|golang|rust|ruby|php|kotlin|swift|sql|html|css|regex|regular expression|bash|powershell|excel formula|vba|json|yaml|docker|kubernetes|linux|git)\b.{0,40}\b(?:code|script|function|program|query|class|bug|error|snippet|loop|formula|command)\b|\b(?:write|fix|debug|refactor|optimi[sz]e|explain)\s+(?:me\s+)?(?:a|an|the|this|my|some)?\s*(?:\w+\s+)?(?:code|function|script|program|algorithm|query|regex|class|app|website|api)\b|\bstack ?trace\b|\bsyntax error\b|\bcompil(?:e|er|ing) error\b/,
  },
  {
    id: 'homework',
    pattern:
      /\b(?:homework|assignment for (?:school|class)|my (?:essay|thesis|exam|quiz|test tomorrow)|calculus|algebra|geometry|trigonometry|equation|integral of|derivative of|math problem|physics problem|solve (?:this|for x|the equation)|solve\b.{0,30}=|\d*[a-z]\s*[-+*/]\s*\d+\s*=\s*-?\d+|square root of|what is \d+\s*(?:[-+*/x]|plus|minus|times|divided by)\s*\d+|prime number|periodic table)\b/,
  },
  {
    id: 'trivia',
    pattern:
      /\b(?:(?:what(?:'s| is) the )?capital (?:city )?of|population of|(?:who|what) (?:is|was) the (?:president|prime minister|king|queen|ceo|founder|inventor) of|who (?:invented|discovered|wrote|painted|composed|directed|founded|built)|how (?:far|tall|old|big|deep|hot) is (?:the )?(?:moon|sun|earth|mars|everest|mount \w+|eiffel tower|ocean|universe)|meaning of life|tallest (?:building|mountain)|largest (?:country|ocean|planet|animal)|fun facts?|trivia)\b/,
  },
  {
    id: 'news_weather_sports',
    pattern:
      /\b(?:weather (?:forecast|like|today|tomorrow|this week(?:end)?|in \w+|going to be|be like|report)|(?:forecast|temperature) (?:for|in) (?:\w+ )?(?:today|tomorrow|this weekend|next week)|will it (?:rain|snow) (?:today|tomorrow|this|on|in)|(?:is it|it'?s|is) (?:going to|gonna) (?:rain|snow|storm|be (?:sunny|cold|hot|windy|rainy))|(?:latest|today'?s|breaking) (?:news|headlines)|who won (?:the|last)|(?:score|result) of (?:the |last )?(?:\w+ ){0,2}(?:game|match)|super ?bowl|world cup|premier league|champions league|nba|nfl|mlb|nhl|formula (?:1|one)|olympics|stock (?:price|market)|lottery numbers|horoscope|zodiac)\b/,
  },
  {
    id: 'politics_opinion',
    pattern:
      /\b(?:election|elections|politics|political|president (?:trump|biden|obama)|democrats?|republicans?|left or right wing|abortion|gun control|immigration policy|religion|god exists?|is god real|war in \w+|your (?:opinion|view|thoughts) on (?:the |politics|religion|war)|what do you think (?:about|of) (?:the )?(?:election|president|government|politics|religion|war|economy))\b/,
  },
  {
    id: 'recipes',
    pattern:
      /\b(?:recipes?|how (?:do (?:i|you)|to|should i) (?:cook|bake|roast|grill|fry|boil) (?:a |an |the |some )?\w+|how (?:do (?:i|you)|to|should i) make (?:a |an |the |some |my own )?(?:\w+ )?(?:bread|sourdough|starter|cake|cookies|pasta|lasagna|soup|pie|pancakes|curry|cocktails?|smoothies?|pizza|sushi|dough|jam|beer|wine)\b|what (?:should|can) i (?:cook|eat|make) for (?:dinner|lunch|breakfast))\b/,
  },
  {
    id: 'entertainment',
    pattern:
      /\b(?:(?:recommend|suggest)\w*\s+(?:me\s+)?(?:a|an|some|good|any)?\s*(?:\w+\s+){0,2}?(?:movie|movies|film|films|tv show|tv shows|series|netflix|book to read|novel|novels|song|songs|album|albums|podcast|podcasts|video game|video games|anime|restaurant|restaurants|bar|bars)\b|(?:movie|film|show|book|song|game) (?:to watch|to read|to play|to listen to)|what (?:should|can) i watch|tell me (?:a |another )?(?:joke|riddle|story|fun fact|pun)|(?:know|got) any (?:good )?(?:jokes|riddles)|make me laugh|sing (?:me )?a song|play a game with me)\b/,
  },
  {
    id: 'translation',
    pattern:
      /\b(?:translat\w* (?:this|that|it|the following|these|my|a|an) (?:\w+ ){0,3}?(?:into|to|in) (?:spanish|french|german|italian|portuguese|japanese|chinese|mandarin|korean|russian|arabic|hindi|dutch|english|latin|greek)|how do you say .{1,40} in (?:spanish|french|german|italian|portuguese|japanese|chinese|mandarin|korean|russian|arabic|hindi|dutch|english)|what does .{1,40} mean in (?:spanish|french|german|italian|portuguese|japanese|chinese|korean|english))\b/,
  },
  {
    id: 'unrelated_help',
    pattern:
      /\b(?:(?:fix|repair|change|replace|service)\s+(?:the |my |a |our )?(?:\w+ )?(?:car|car's|engine|brakes?|transmission|oil|tires? on my car|dishwasher|washing machine|fridge|refrigerator|boiler|furnace|toilet|sink|roof|laptop|computer|pc|printer|router|wifi|iphone|android phone|tv|faucet|tap|pipe|pipes|drain|shower|water heater|air conditioner|garage door|lawn mower)\b|(?:brakes?|engine|transmission|oil) (?:on|of|in) (?:my|the) (?:car|truck|van)|(?:book|find|cheap|cheapest) (?:me )?(?:a )?(?:flights?|hotels?|train tickets?|airbnb|rental car)|(?:job|job interview|interview) (?:tips|questions|advice)|relationship advice|dating advice|(?:lose|losing) weight|diet plan|workout plan|(?:learn|learning) (?:to code|a language|guitar|piano)|how (?:do i|to) (?:get rich|make money online))\b/,
  },
  {
    id: 'personal_finance',
    pattern:
      /\b(?:mortgage (?:rates?|lenders?|broker)|(?:best|current|today'?s) (?:interest|mortgage|exchange|savings) rates?|credit score|tax refund|irs|hmrc|stock (?:tips|picks)|car insurance|health insurance|life insurance|insurance quotes?)\b/,
  },
  {
    id: 'government_admin',
    pattern:
      /\b(?:(?:renew|apply for|get|replace|lost) (?:my |a )?(?:passport|visa|driver'?s licen[cs]e|drivers licen[cs]e|social security card|birth certificate|id card)|passport (?:office|renewal|application)|dmv|jury duty|voter registration|register to vote|unemployment benefits)\b/,
  },
  {
    id: 'bookings',
    pattern:
      /\b(?:book|reserve|booking|reservation for|make a reservation)\s+(?:me\s+|us\s+)?(?:a |an |the )?(?:\w+ )?(?:flights?|hotels?|hotel rooms?|campsites?|camp ?grounds?|tables?|restaurants?|rental cars?|train tickets?|airbnb|cabins?|taxi|uber|appointment with (?:a|my) (?:doctor|dentist))\b|\bflights? (?:from|to) \w+/,
  },
  {
    id: 'food_delivery',
    pattern:
      /\b(?:order|get|deliver|bring)\s+(?:me\s+|us\s+)?(?:a |an |some )?(?:pizza|pizzas|sushi|burgers?|takeout|takeaway|chinese food|thai food|dinner|lunch|breakfast|groceries|coffee)\b|\b(?:doordash|uber ?eats|grubhub|deliveroo|just eat)\b/,
  },
  {
    id: 'events_media',
    pattern:
      /\b(?:(?:concert|movie|cinema|theat(?:er|re)|show|festival|game|match|broadway|sports) tickets?|plot of|(?:latest|new|upcoming) (?:\w+ )?(?:movie|film|album|episode|season|tv show)|(?:movie|film|tv show|series|book) (?:plot|ending|spoilers?|review)|who (?:stars|plays|starred) in|what time is the (?:game|match|show))\b/,
  },
  {
    id: 'personal_life',
    pattern:
      /\b(?:name (?:my|our) (?:new )?(?:puppy|dog|cat|kitten|baby|pet|son|daughter|boat|business)|(?:good |a |cool |catchy )?names? for (?:my|our|a) (?:new )?(?:startup|business|company|band|podcast|channel|brand|blog|baby|dog|cat|puppy|boat|app)|(?:puppy|dog|cat|baby|pet) names?|relationship advice|dating advice|(?:my )?(?:girlfriend|boyfriend|wife|husband|partner) (?:is mad at me|broke up)|how (?:do i|to) (?:ask (?:her|him) out|get over)|what should i (?:wear to|say to) (?:a|my|the) (?:date|interview|wedding))\b/,
  },
  {
    id: 'cars',
    pattern:
      /\b(?:check engine|engine light|(?:my|the) car'?s (?:engine|brakes?|battery|transmission|oil|tires?)|obd(?:-?ii)? code|code p\d{4}|oil change|tire pressure|jump ?start my car)\b/,
  },
  {
    id: 'other_languages',
    pattern:
      /\b(?:(?:redactar|escribir|escribe|escribeme|escrever|escreva|rediger|redige|ecrire|ecris|schreiben|schreib|schreibe|verfassen)\b.{0,30}\b(?:curriculum|cv|curriculo|poema|poesia|carta de (?:presentacion|amor|motivacion)|ensayo|cancion|redacao|poeme|lettre de motivation|dissertation|gedicht|lebenslauf|bewerbung(?:sschreiben)?|aufsatz|liebesbrief)|receta de|receita de|recette de|rezept fur|(?:cuentame|conta|raconte|erzahl) (?:un|uma|une|einen) (?:chiste|piada|blague|witz)|(?:reservar|reserve|reserver) (?:un|uma|une) (?:vuelo|voo|vol|hotel)|(?:pronostico|previsao) do tempo|el clima (?:en|de|manana)|meteo (?:a|de|pour)|wetter (?:in|morgen|heute)|deberes de (?:matematicas|fisica)|tarea de|dever de casa|devoirs? de|hausaufgaben?)\b/,
  },
];
