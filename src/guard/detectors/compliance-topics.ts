import type { TopicDefinition } from './topic-definition.js';

/** Joins alternatives into one non-capturing group. */
const any = (...parts: string[]) => `(?:${parts.join('|')})`;

/** Medicines by kind and common names (any language: the names are international). */
const drug =
  // Generic names by their international suffix ("sumatriptan", "sertraline", "lisinopril"), bounded so a
  // long run of letters cannot make the match slow.
  '(?:[a-z]{2,20}(?:triptan|pril|sartan|olol|statin|azepam|azolam|oxetine|traline|citalopram|prazole|cillin|mycin|cycline|floxacin|tidine|profen|dronate|gliptin|xaban|parin|semide|thiazide|codone)|pills?|tablets?|capsules?|medication|medications|medicine|medicines|meds|drugs?|antibiotics?|antihistamines?|antidepressants?|painkillers?|pain ?killers?|steroids?|inhalers?|epi ?pens?|insulin|ibuprofen|advil|motrin|paracetamol|acetaminophen|tylenol|aspirin|naproxen|aleve|benadryl|claritin|zyrtec|loratadine|cetirizine|codeine|tramadol|morphine|melatonin|amoxicillin|penicillin|metformin|birth control|contraceptives?|vitamins?|supplements?|medicamentos?|medicaments?|medikamente?|remedios?|pastillas?|comprimidos?|tabletten|cachets?|antibiotik\\w*)';
const bodyPart =
  '(?:ankle|wrist|arm|leg|knee|toe|toes|finger|fingers|rib|ribs|bone|back|neck|foot|feet|hand|hands|shoulder|hip|elbow|skin|eye|eyes|head|face|lip|lips|throat|chest)';
const symptom =
  "(?:rash|hives|fever|infection|infected|swelling|swollen|blisters? (?:that|is|are) (?:infected|bleeding|oozing)|bleeding|numbness|numb|dizzy|dizziness|faint|fainted|nausea|nauseous|vomiting|throwing up|diarrh?oea|migraine|chest pains?|shortness of breath|(?:can'?t|cannot) breathe|concussion|fracture|sprain|sprained|frostbite|frost ?nip|hypothermia|heat ?stroke|sunburn|burns?|itching|itchy|welts|anaphyla\\w*|asthma attack|seizure|palpitations)";

/**
 * Medical advice: symptoms, injuries, medication and dosage, allergic reactions and pregnancy
 * questions. A person (and not the bot) must answer; product questions that merely mention a
 * body part or a size ("these boots hurt my heels") do not match.
 */
export const medicalAdviceTopic: TopicDefinition = {
  id: 'medical_advice',
  reason: 'compliance',
  patterns: [
    new RegExp(
      `\\b${any(
        'medical (?:advice|question|emergency|attention|opinion)',
        // Symptoms of an emergency, described rather than named: a tight chest, short breath, a throat closing.
        '(?:pain|pressure|tightness|ache|aching) in (?:my|his|her) chest|(?:my|his|her) chest (?:feels tight|is tight|hurts|is hurting|is pounding)',
        "short of breath|(?:can'?t|cannot|couldn'?t|struggling to|hard to|trouble|difficulty) (?:breathe|breathing|catch (?:my|his|her) breath)",
        '(?:my|his|her|their) (?:throat|tongue|lips?|mouth|face) (?:is |are |feels? |feeling |getting |went |started |keeps )?(?:really |a bit |kind of |very )?(?:tight|tingling|tingly|swelling|swollen|closing up|numb)',
        '(?:passed out|unconscious|not breathing|unresponsive|collapsed|slurred speech|(?:face|arm|mouth) (?:is )?drooping)',
        '(?:max(?:imum)?|safe|recommended|daily|right) (?:amount|dose|dosage|quantity|intake) of|dosage|dosing|dose of|doses of|what dose|which dose|right dose|safe dose|max(?:imum)? dose|\\d+ ?(?:mg|milligrams?)\\b',
        `how (?:much|many) (?:\\w+ )?${drug} (?:should|can|could|do|may) (?:i|we|you|he|she|they|my \\w+)`,
        `how (?:much|many) (?:\\w+ ){0,2}(?:should|can|could|may) (?:i|we|he|she) (?:take|give|have)\\b.{0,30}\\b${drug}`,
        `(?:should|can|could|may|do) (?:i|we|you|he|she|my \\w+) (?:\\w+ )?(?:take|give|use|mix|combine|stop taking|keep taking|double|skip|increase|reduce|have)\\b.{0,50}\\b${drug}`,
        `\\b${drug}\\b.{0,50}\\b(?:safe|dangerous|harmful|interact\\w*|together|with alcohol|side effects?|overdose|while (?:pregnant|breastfeeding|nursing)|for (?:a |my )?(?:child|kid|baby|toddler|son|daughter|\\d+ year old))`,
        'side effects? of|drug interactions?|interact with my',
        `(?:what|which) (?:cream|ointment|medicine|medication|drug|pill|antibiotic|painkiller|remedy|treatment|antihistamine)s? (?:should|can|could|do|would|is best)`,
        `what (?:should|can) i (?:take|do|use|put on it) for (?:a |an |my |the |this )?(?:\\w+ )?${symptom}`,
        '(?:should|do) i (?:need to )?(?:see|call|go to|visit) (?:a|the|my) (?:doctor|gp|physician|dermatologist|er|emergency room|hospital|a&e|urgent care|clinic|pharmacist)',
        `(?:is|does) (?:this|it|that|my \\w+) (?:look|sound|seem)?\\s*(?:like )?(?:an? )?(?:infected|infection|fractured|sprained|allergic reaction)`,
        `(?:is|are) my ${bodyPart} (?:broken|fractured|sprained|infected)`,
        'allergic reaction|anaphyla\\w*|(?:had|have|having|got|get|getting) (?:an? |bad |severe )?allerg(?:y|ic|ies) (?:reaction|attack|flare)|broke out in (?:a rash|hives)',
        `(?:i|we|he|she|my \\w+)(?: think (?:i|he|she))?(?: (?:have|has|got|had|have got|have had|am getting|is getting|is having|am having|are having|keeps getting|started having|started getting)|'ve(?: got| had)?|'s having|'m having) (?:got |had )?(?:a |an |some |bad |severe |high |terrible |really bad )?${symptom}`,
        `(?:i|he|she|my \\w+)(?: \\w+)?(?: (?:got|was|were|have been|has been|am|is)|'m|'ve been|'s been|'s) (?:badly |seriously |really |very )?(?:injured|hurt|burned|burnt|wounded|bitten|stung|poisoned|electrocuted|concussed)\\b`,
        `(?:broke|broken|fractured|sprained|twisted|dislocated|injured|cut open|burned|burnt|bruised|pulled) (?:my|his|her|their|our|a) (?:\\w+ )?${bodyPart}`,
        `(?:my|his|her) ${bodyPart} (?:is|are|got|went|has gone|have gone) (?:\\w+ )?(?:swollen|numb|bleeding|infected|blistered|red and|blue|black|purple|burning)`,
        'symptoms?|diagnos\\w*|prescribe|prescribed',
        "(?:while|when|if) (?:i'?m |i am |she'?s |she is )?(?:pregnant|breastfeeding|nursing)",
        `(?:am i|could i be|might i be|i (?:think|might|may) be|i'?m|i am) pregnant\\b.{0,60}\\b(?:safe|ok|okay|harm|dangerous|risk|allowed to|can i (?:take|use|eat|drink|wear))`,
        '(?:pregnan\\w*|breastfeeding|nursing)\\b.{0,40}\\b(?:safe|harmful|dangerous|risk)',
        `(?:swallowed|ingested|drank|ate|eaten|licked|chewed)\\b.{0,40}\\b(?:battery|batteries|magnet|gel|silica|desiccant|bleach|detergent|fuel|poison|${drug})`,
        'poison control|first aid for',
        '(?:child|kid|son|daughter|toddler|baby|infant|dog|cat|puppy)\\b.{0,30}\\b(?:swallowed|ingested|ate|eaten|chewed (?:on|up)?|licked|drank|bit into)\\b',
        '(?:gave|giving|gives|given|caused|causing) (?:me|my \\w+|him|her|us) (?:a |an )?(?:\\w+ )?(?:infection|rash|burns?|hives|allergic reaction|chemical burn)',
        `how (?:do|should|can) i treat (?:a|an|my|this|the) (?:\\w+ )?(?:${symptom}|wound|cut|bite|sting|injury|blister)`,
      )}\\b`,
    ),
    new RegExp(
      `\\b${any(
        'consejo medico|conselho medico|avis medical|arztlichen? rat|aerztlichen? rat',
        'dosis|dosierung|posologie|dosagem',
        'reaccion alergica|reacao alergica|reaction allergique|allergische reaktion',
        'sintomas?|symptomes?|symptome',
        `(?:que|cual|qual|quel|quelle|welches?) (?:medicamento|medicina|remedio|pastilla|medicament|medikament)`,
        `(?:puedo|posso|puis-je|peux-je|je peux|darf ich|kann ich|debo|devo|dois-je)\\b.{0,30}\\b(?:tomar|prendre|nehmen|einnehmen|dar|donner|geben)\\b.{0,30}\\b${drug}`,
        `${drug}\\b.{0,30}\\b(?:puedo|posso|puis-je|peux-je|je peux|darf ich|kann ich)\\b.{0,20}\\b(?:tomar|prendre|nehmen|einnehmen)`,
        `(?:embarazada|gravida|enceinte|schwanger|amamantando|amamentando|allaite)\\b.{0,50}\\b(?:puedo|posso|puis-je|peux|darf|kann ich|segur[oa]|sicher|tomar|prendre|nehmen|${drug})`,
        `(?:puedo|posso|puis-je|peux|darf|kann ich)\\b.{0,50}\\b(?:embarazada|gravida|enceinte|schwanger)`,
        'me (?:torci|rompi|queme|lastime|lesione|disloque) (?:el|la|un|una|mi)',
        '(?:torci|quebrei|machuquei|queimei|desloquei) (?:o|a|meu|minha)',
        'je me suis (?:blesse|brule|tordu|casse|foule)',
        'ich habe mich (?:verletzt|verbrannt)',
        "tengo (?:fiebre|una erupcion|una infeccion|hinchad[oa])|estou com (?:febre|uma infeccao|alergia)|j'ai (?:de la fievre|une infection|des boutons)|ich habe (?:fieber|eine infektion|ausschlag)",
      )}\\b`,
    ),
  ],
};

const financeProduct =
  '(?:stocks?|shares|equities|etfs?|crypto\\w*|bitcoin|btc|ethereum|dogecoin|nfts?|bonds?|(?:index|mutual|hedge|pension|retirement|money market) funds?|401 ?\\(?k\\)?|ira|roth|annuit\\w*|portfolio|forex|options trading|day trading|savings account|cds?|certificates? of deposit|real estate)';

/**
 * Regulated advice: investment, tax and legal advice requests, which the assistant must not give.
 * Mentions of prices, sales tax or financing options are routine and do not match.
 */
export const regulatedAdviceTopic: TopicDefinition = {
  id: 'regulated_advice',
  reason: 'compliance',
  patterns: [
    new RegExp(
      `\\b${any(
        '(?:investment|financial|finance|tax|legal|pension|retirement|accounting|estate|mortgage|debt|credit repair) (?:advice|advisor|adviser|planning|planner|guidance|consultation|help)',
        `(?:should|would|could|can) (?:i|we) (?:\\w+ )?(?:invest|buy|sell|short|trade|hold|move|put|keep|cash out)\\b.{0,40}\\b${financeProduct}`,
        `(?:should|would|could) (?:i|we) (?:put|keep|move|invest|use) (?:my|our) (?:\\w+ )?(?:savings|money|pension|retirement|inheritance|bonus|emergency fund)`,
        `(?:which|what) ${financeProduct} (?:should|would|could|do|to|is|are) (?:i|we|you)?\\s*(?:buy|invest|pick|sell|recommend|choose|best)`,
        `${financeProduct}\\b.{0,40}\\b(?:would you recommend|do you recommend|should i (?:buy|get|pick|choose|invest)|good (?:investment|idea|buy)|worth (?:it|buying|investing))`,
        `(?:best|good|safest|top) ${financeProduct} (?:to|for) (?:buy|invest|retire|my)`,
        `is (?:it|now) a good (?:time|idea|moment) to (?:invest|buy (?:stocks?|shares|crypto\\w*|bitcoin|a house|property)|sell (?:stocks?|shares|my))`,
        '(?:should|can) (?:i|we) (?:take out|get|apply for|refinance|consolidate) (?:a |my |our )?(?:\\w+ )?(?:loan|mortgage|heloc|credit line|line of credit|payday loan|debt)',
        '(?:file|declare|filing|declaring) (?:for )?bankruptcy',
        '(?:smart|smarter|wise|wiser|better|best|sensible)(?: option| choice| move)? financially|financially (?:smart|smarter|wise|wiser|better|sensible|speaking)',
        '(?:refinanc\\w*|consolidat\\w*) (?:my|our|the) (?:\\w+ )?(?:debts?|loans?|mortgage|credit cards?)',
        '(?:debts?|loans?|mortgage|credit score|savings|retirement|pension)\\b.{0,80}\\b(?:should i|should we|what would you (?:advise|recommend|suggest|do)|do you (?:advise|recommend)|would you (?:advise|recommend))',
        '(?:should i|should we)\\b.{0,60}\\b(?:debts?|loans?|refinanc\\w*|mortgage|credit score)\\b.{0,40}\\b(?:first|instead|or)\\b',
        '(?:avoid|evade|evading|avoiding|dodge|dodging|reduce|lower|minimi[sz]e) (?:paying |my |our )?tax(?:es)?\\b(?! (?:on|for) (?:my|this|the|an?) (?:order|purchase|shipment|delivery))',
        '(?:write|writing|wrote|claim|claiming|deduct|deducting) (?:\\w+ ){0,3}(?:off )?(?:on|from|against|as|in) (?:my |our |a )?(?:taxes|tax return|tax|business expenses?)',
        'tax[- ]?deductible|tax (?:return|returns|filing|deduction|deductions|bracket|liability|audit|credit|credits|loophole)',
        '(?:business expense|deductible|deduction|write-?off)\\b.{0,40}\\btax\\w*|\\btax\\w*\\b.{0,40}\\b(?:business expense|deductible|deduction|write-?off)',
        'tax (?:office|authority|authorities|agency|inspector|man|department)|(?:declare|report) (?:my |our )?(?:\\w+ )?(?:income|sales|earnings|profits?|revenue)\\b',
        '(?:file|filing|do|doing|prepare|preparing|fill in|fill out|complete|completing) (?:my|our) (?:taxes|tax return|tax forms?|1099|w-?2)',
        '(?:is (?:it|this|that) (?:legal|illegal|lawful|against the law)|can (?:i|they|you|we|my \\w+) legally|am i legally|are (?:you|they) legally|legally (?:required|obliged|obligated|allowed|entitled|binding))',
        '(?:my|our) (?:legal|statutory|consumer|tenant|employee|employment) rights',
        '(?:consumer|contract|employment|tenant|tenancy|labou?r|tax|immigration|family|criminal|privacy|warranty|lemon|eu|us|uk|state|federal) (?:law|laws|legislation|statute)s?',
        'what does the law say|against the law|break(?:ing)? the law',
        '(?:evict\\w*|eviction|custody (?:battle|case|of)|divorce (?:lawyer|papers|settlement|proceedings)|immigration status|visa (?:application|status)|deport\\w*|wrongful(?:ly)? (?:dismiss\\w*|terminat\\w*|fired)|unfair dismissal|power of attorney|last will)',
        '(?:can|could|is) (?:my|the|a|our) (?:landlord|employer|boss|neighbou?r|ex|bank|school|hoa|insurer|insurance company) (?:\\w+ )?(?:legally )?(?:evict|fire|sue|charge|keep|withhold|refuse|deny|take|garnish|allowed)',
        '(?:review|look over|check|read|draft|write) (?:my|this|the|a|our) (?:contract|lease|nda|prenup|tenancy agreement|rental agreement|employment contract)',
      )}\\b`,
    ),
    new RegExp(
      `\\b${any(
        'asesoria (?:financiera|legal|fiscal|juridica)|consejo (?:financiero|legal|fiscal)|consultoria (?:financeira|juridica)|conselho (?:financeiro|juridico)|conseil (?:financier|juridique|fiscal)|anlageberatung|rechtsberatung|steuerberatung|finanzberatung',
        '(?:en que|donde|debo|deberia) invertir|(?:em que|onde) (?:devo )?investir|devo investir|dois-je investir|(?:ou|comment) investir|soll ich (?:\\w+ )?(?:investieren|anlegen|kaufen)',
        '(?:acciones|criptomonedas|bitcoin|acoes|criptomoedas|actions|cryptomonnaies|aktien|kryptowahrungen|fonds|etf)\\b.{0,30}\\b(?:comprar|invertir|investir|acheter|kaufen|investieren)',
        "declaracion de (?:la )?renta|(?:mis|meus) impostos|declaracao de imposto|(?:ma )?declaration d'impots|steuererklarung|steuern sparen|impuestos\\b.{0,20}\\b(?:deducir|pagar menos)",
        "es legal|est-ce legal|c'est legal|ist (?:das|es) legal|mis derechos|meus direitos|mes droits|meine rechte",
      )}\\b`,
    ),
  ],
};

const personalData =
  '(?:(?:personal |private |customer |account |user |all (?:of )?(?:my|the) |my |our )?(?:data|information|info|details|records|history))';

/**
 * Data protection: access, export, correction or deletion of personal data, consent and privacy
 * rights (GDPR, CCPA and their equivalents). Removing a saved card or updating an address is
 * routine self-service and does not match.
 */
/** What a business exports as a product feature, not personal data: projects, sales, orders, usage. */
const businessData =
  '(?:project|projects|sales|order|orders|usage|analytics|team|workspace|invoice|invoices|report|reports|campaign|survey|form|product|products|inventory|shop|store|website|site|app|board|task|tasks|calendar|contacts|customer|customers|tracking|fitness|workout|activity)';
/** A file format data is exported to. */
const fileFormat = '(?:csv|excel|xlsx?|xls|pdf|json|xml|spreadsheet|sheet|google sheets|text file|zip|file)';

export const dataProtectionTopic: TopicDefinition = {
  id: 'data_protection',
  reason: 'compliance',
  patterns: [
    /\b(?:gdpr|ccpa|cpra|lgpd|rgpd|dsgvo|pipeda|appi|popia|dpdp|dsar|sar request|data subject|subject access|right (?:to|of) (?:be forgotten|be deleted|erasure|access|object|rectification|data portability|deletion)|data portability|data protection|data privacy|privacy (?:request|complaint|officer|rights|regulator|law)|information commissioner|ico complaint|datenschutz\w*|proteccion de datos|protecao de dados|donnees personnelles|personenbezogenen? daten|cnil|aepd|anpd)\b/,
    new RegExp(
      `\\b${any(
        `(?:delete|erase|remove|wipe|purge|destroy|scrub|forget)\\s+(?:\\S+\\s+){0,3}?${personalData}\\b(?! (?:from (?:the|my) (?:cart|basket|wishlist|checkout))| (?:on|at) checkout)`,
        '(?:delete|erase|remove|wipe|purge|destroy|scrub) (?:everything|anything|all|whatever|every \\w+|all \\w+|any \\w+) (?:\\w+ ){0,4}(?:about|on|of) me\\b',
        'forget (?:me|about me|everything about me|all about me|my (?:data|details|information|account|name|email))\\b(?! (?:for|to|at|on|when|if))',
        'forget that i (?:exist|ever|was)',
        `(?:copy|export|download|access|see|view|obtain|request|receive|get|send me|give me|show me)\\s+(?:\\S+\\s+){0,4}?${personalData}\\s+(?:that\\s+|which\\s+)?(?:you|your company|the company|you guys|northwind|your (?:system|database))\\s+(?:\\w+\\s+)?(?:hold|have|has|store|stored|keep|kept|collect|collected|process|processed|gathered|retain)`,
        // Not a product feature: "export our project data to csv", "download my sales data as a spreadsheet"
        `(?:export|download|send me|give me) (?:a copy of )?(?:all )?(?:of )?(?:my|our) (?:(?!${businessData}\\b)\\w+ )?(?:data|information|personal information|records)\\b(?! (?:to|as|into|in) (?:a |an )?${fileFormat}\\b)`,
        '(?:what|which|how much) (?:personal |private )?(?:data|information|info|details) (?:do |does |did )?(?:you|your company|the company|northwind|you guys) (?:\\w+ )?(?:hold|have|has|store|keep|collect|collected|process|know|track)',
        '(?:what|everything)(?: else)? (?:do |did )?you (?:\\w+ )?(?:know|have|hold|store|keep|collected|collect|track|save|saved|stored) (?:about|on) me\\b',
        '(?:object|objecting|objection) to (?:the )?(?:processing|use|collection|sharing|storage|selling|sale|profiling) of my',
        'processing of my (?:personal )?(?:data|information)',
        "some(?:one|body) else'?s\\b.{0,30}?\\b(?:name and address|address|credit card|card details|receipt|personal (?:data|details|information)|data|phone number|email address)",
        '(?:you|your (?:company|store|site|shop|app)|northwind|they|you guys) (?:\\w+ ){0,2}?(?:sell|share|sells|shares|selling|sharing|sold|shared|disclose|disclosed|leak|leaked|pass on|passed on|hand over|handed over)\\s+(?:\\S+\\s+){0,2}?my (?:personal |private |contact )?(?:data|information|info|details|email(?: address)?|phone number|address|name)\\b',
        '(?:how|where|why) did you (?:get|obtain|find|buy) my (?:email|e-mail|number|phone number|address|data|details|information|contact details|name)',
        '(?:stop|quit) (?:using|processing|selling|sharing|tracking|storing|collecting) my (?:personal |private )?(?:data|information|info|details)',
        'opt(?:ing)? out of (?:the )?(?:sale|sharing|selling|data|tracking|profiling)',
        "do not (?:sell|share) my|don'?t sell my",
        "(?:never|didn'?t|did not) (?:consent|agree|give (?:my )?consent|gave (?:my )?consent) to (?:\\w+ ){0,3}(?:data|marketing|tracking|emails?|cookies|my)",
        '(?:withdraw|revoke) (?:my )?consent',
        'data (?:breach|leak)|(?:was|were|been) (?:my )?(?:data|details|information) (?:leaked|breached|exposed|stolen)',
        'correct (?:my|the) (?:personal )?(?:data|information|records) (?:you|that you) (?:hold|have|store)',
      )}`,
    ),
    /\b(?:(?:borr\w*|elimin\w*|suprim\w*|exclu\w*|apag\w*|supprim\w*|effac\w*|losch\w*|loesch\w*|entfern\w*)\b.{0,30}\b(?:datos|dados|donnees|daten)|(?:datos|dados|donnees|daten)\b.{0,30}\b(?:borr\w*|elimin\w*|suprim\w*|exclu\w*|apag\w*|supprim\w*|effac\w*|losch\w*|loesch\w*|entfern\w*)|(?:copia|copie|kopie|acceso|acesso|acces|auskunft|exportar|exporter|exportieren)\b.{0,30}\b(?:mis|meus|mes|meine|de mis|dos meus|de mes|uber meine|ueber meine) (?:\w+ )?(?:datos|dados|donnees|daten)|(?:que|quais|quels|quelles|welche) (?:datos|dados|donnees|daten)\b.{0,30}\b(?:tienen|tem|possedez|avez|haben|speichern|guardan|guardam)|olvid\w* (?:de )?mis datos|esquec\w* (?:os )?meus dados|oubli\w* mes donnees|derecho al olvido|direito ao esquecimento|droit a l'oubli|recht auf vergessenwerden)\b/,
  ],
};

/**
 * Legal threats: lawyers, lawsuits, courts, regulators and consumer-protection bodies, and
 * chargeback threats, in five languages. Asking whether a product "meets legal requirements"
 * does not match.
 */
export const legalThreatTopic: TopicDefinition = {
  id: 'legal_threat',
  reason: 'compliance',
  urgency: 'high',
  patterns: [
    /\b(?:lawyers?|laywers?|lawers?|lawyered|attorneys?|solicitors?|barristers?|legal (?:team|counsel|representative|department|advice)|lawsuits?|law ?suits?|legal (?:action|proceedings|steps|measures|claim|case|route)|litigation|litigate|class[- ]action|small[- ]claims|civil court|court (?:case|order|claim)|magistrates|tribunal|ombudsman|better business bureau|bbb|trading standards|consumer (?:protection|rights|affairs|council|watchdog|ombudsman)(?: \w+)?|attorney general|cfpb|ftc|competition and markets|cma|accc|advertising standards|regulators?)\b/,
    /\b(?:sue|sues|suing|sued)\b(?! (?:me|them) for)|\b(?:take|taking|took|bring|bringing|see|drag|dragging) (?:you|this|the company|your company|it|you guys|them|northwind|this matter|the matter)(?: guys)? (?:to|in|into|before) (?:a )?court\b|\bsee you in court\b|\bcourt\b.{0,20}\b(?:against you|over this)\b|\breport(?:ing|ed)? (?:you|this|the company|your company|it|you guys|them|northwind)(?: guys)? to (?:the |my )?(?:\w+ )?(?:authorit\w*|police|regulators?|bbb|better business|ftc|cfpb|attorney|ombudsman|agency|bureau|consumer \w+|trading standards|government|state|council|watchdog|commission|bank|card issuer|credit card company)\b|\b(?:file|filing|lodge|lodging|open|opening|submit|start|initiate|raise)\b.{0,20}\b(?:complaint|claim|case|report) (?:with|to|against)\b.{0,30}\b(?:the |my )?(?:bank|card issuer|credit card company|visa|mastercard|amex|paypal|regulator|agency|authority|bureau|attorney|court|ombudsman)|\b(?:call|calling|contact|contacting|tell|telling) my (?:bank|card issuer|credit card company) to (?:reverse|cancel|stop|dispute|block)/,
    /\b(?:abogad[oa]s?|demandar(?:los|les|te|le)?|demanda judicial|los (?:voy a )?denunciar|denunciar(?:los|les)?|acciones legales|accion legal|tribunal(?:es)?|juzgado|oficina del consumidor|profeco|defensa del consumidor|advogad[oa]s?|(?:vou|vamos) processar|processar (?:voces|a empresa|voce)|processo judicial|acao judicial|procon|reclame aqui|justica|juizado|avocats?|poursuivre en justice|poursuites|porter plainte|saisir (?:la justice|les tribunaux|le tribunal|un avocat)|action en justice|association de consommateurs|dgccrf|anwalt|anwaltin|rechtsanwalt\w*|klage|verklagen|vor gericht|gerichtlich\w*|rechtliche schritte|verbraucherzentrale|verbraucherschutz)\b/,
  ],
};

/** The built-in compliance topics: medical, regulated advice, data protection and legal threats. */
export const complianceTopics: readonly TopicDefinition[] = [
  legalThreatTopic,
  dataProtectionTopic,
  medicalAdviceTopic,
  regulatedAdviceTopic,
];
