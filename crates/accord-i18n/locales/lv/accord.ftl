## Shared
app-name = Accord
app-tagline = Klientu apkalpošana, ko vada jūsu pakalpojumu politika
skip-to-content = Pāriet uz saturu
language = Valoda
change-language = Mainīt valodu
signed-in-as = Pieteicies kā { $name }
sign-out = Iziet
nav-inbox = Iesūtne
nav-api = API apraksts
date-format = %d.%m.%Y. %H:%M
none = nav
save = Saglabāt
cancel = Atcelt
unassigned = Nav piešķirts
yes = jā
no = nē

## Sign-in
login-title = Pieteikties
login-email = E-pasta adrese
login-password = Parole
login-submit = Pieteikties
login-failed = Nepareiza e-pasta adrese vai parole.
login-rate-limited = Pārāk daudz mēģinājumu. Uzgaidiet minūti un mēģiniet vēlreiz.
login-demo-hint = Demonstrācijas lietotājus parāda komanda accord demo.

## Inbox
inbox-title = Iesūtne
inbox-view-mine = Manas
inbox-view-team = Manas komandas
inbox-view-unassigned = Nepiešķirtās
inbox-view-open = Visas atvērtās
inbox-view-all = Visas
inbox-filter-status = Statuss
inbox-filter-any-status = Jebkurš statuss
inbox-filter-apply = Atlasīt
inbox-count = { $count ->
    [0] Nav nevienas lietas
    [zero] { $count } lietu
    [one] { $count } lieta
   *[other] { $count } lietas
}
inbox-empty = Šim skatam neatbilst neviena lieta.
inbox-next-page = Vecākas lietas
col-number = Nr.
col-subject = Temats
col-customer = Klients
col-organization = Organizācija
col-status = Statuss
col-priority = Prioritāte
col-assignee = Atbildīgais
col-updated = Atjaunināta
col-channel = Kanāls
col-language = Valoda

## Case
case-title = Lieta { $number }: { $subject }
case-conversation = Sarakste
case-no-entries = Vēl nav ziņu.
case-reply = Atbildēt klientam
case-reply-submit = Sūtīt atbildi
reply-template = Sākt ar veidni
reply-template-use = Izmantot veidni
reply-preview = Priekšskatīt
reply-preview-title = Priekšskatījums: ko lasīs klients
guidance-title = Politika šai lietai
guidance-procedure = Kā mēs risinām šo lietu
guidance-language = Valodā: { $language } (lietas valoda) · politikas versija { $version }
guidance-insert = Ievietot atbildē
guidance-alternatives = Šim klientam pieejams arī
guidance-why = Kāpēc mēs tā darām
case-note = Iekšēja piezīme
case-note-submit = Pievienot piezīmi
case-note-hint = Piezīmes redz tikai darbinieki.
case-consult = Jautāt nodaļai
case-consult-department = Nodaļa
case-consult-question = Jautājums
case-consult-submit = Jautāt
case-consult-answer = Atbildēt uz šo jautājumu
case-consult-answer-submit = Sūtīt atbildi
case-properties = Informācija
case-status = Statuss
case-priority = Prioritāte
case-team = Komanda
case-assignee = Atbildīgais
case-assign-to-me = Piešķirt man
case-reason = Izmaiņu iemesls (nav obligāts)
case-save = Saglabāt izmaiņas
case-saved = Izmaiņas saglabātas.
case-nothing-changed = Nekas netika mainīts.
case-tags = Birkas
case-category = Kategorija
case-channel = Kanāls
case-language = Valoda
case-created = Atvērta
case-links = Saistītās lietas
case-history = Vēsture
case-entry-inbound = { $name } rakstīja
case-entry-outbound = { $name } atbildēja
case-entry-note = { $name } iekšēja piezīme
case-entry-consult-question = { $name } jautāja nodaļai { $department }
case-entry-consult-answer = { $name } atbildēja
case-entry-posted = Saglabāts.
link-duplicate_of = dublikāts lietai
link-related = saistīta ar
link-merged_into = apvienota ar
link-incoming-duplicate_of = tai ir dublikāts
link-incoming-related = saistīta ar
link-incoming-merged_into = tajā apvienota
event-by = veica { $name }
event-created = Lieta atvērta
event-status = Statuss: { $from } → { $to }
event-priority = Prioritāte: { $from } → { $to }
event-assignee = Mainīts atbildīgais
event-team = Mainīta komanda
event-subject = Mainīts temats
event-category = Mainīta kategorija
event-language = Valoda: { $from } → { $to }
event-tag_added = Pievienota birka: { $tag }
event-tag_removed = Noņemta birka: { $tag }
event-custom_field = Mainīts lauks { $key }
event-linked = Sasaistīta ar citu lietu
event-unlinked = Saite noņemta
event-entry_added = Pievienots: { $kind }

## Account panel
account-title = Konts
account-contact = Klients
account-identities = Kontaktinformācija
account-preferred-language = Vēlamā valoda
account-organization = Organizācija
account-no-organization = Šis klients nepieder nevienai organizācijai.
account-tier = Līmenis
account-revenue = Gada ieņēmumi
account-customer-since = Klients kopš
account-manager = Konta vadītājs
account-billing = Norēķini un līgums
account-contract = Līgums
account-promises = Pārdošanas brīdī solītais
account-no-promises = Nav reģistrētu solījumu.
account-responsibilities = Kas par ko atbild
account-no-responsibilities = Nav reģistrētu pienākumu.
account-other-cases = Citas šī konta lietas
account-no-other-cases = Citu lietu nav.
account-open-cases = { $count ->
    [0] nav atvērtu lietu
    [zero] { $count } atvērtu lietu
    [one] { $count } atvērta lieta
   *[other] { $count } atvērtas lietas
}

## Values
status-new = Jauna
status-acknowledged = Apstiprināta saņemšana
status-investigating = Tiek izpētīta
status-agreed = Saskaņota
status-implementing = Tiek īstenota
status-waiting_on_customer = Gaida klientu
status-waiting_on_third_party = Gaida trešo pusi
status-resolved = Atrisināta
status-closed = Slēgta
status-reopened = Atkārtoti atvērta
priority-low = Zema
priority-normal = Parasta
priority-high = Augsta
priority-urgent = Steidzama
channel-email = E-pasts
channel-web = Tīmeklis
channel-chat = Tērzēšana
channel-phone = Tālrunis
channel-social = Sociālie tīkli
channel-api = API
entry-inbound = Klienta ziņa
entry-outbound = Atbilde
entry-note = Piezīme
entry-consult_question = Jautājums nodaļai
entry-consult_answer = Nodaļas atbilde
tier-standard = Standarta
tier-silver = Sudraba
tier-gold = Zelta
tier-platinum = Platīna
party-company = Mēs
party-customer = Klients
party-third_party = Trešā puse
party-shared = Kopīga
expectation-performance = Veiktspēja
expectation-delivery = Piegāde
expectation-billing = Norēķini
expectation-support = Atbalsts
expectation-other = Cits
role-agent = Aģents
role-supervisor = Vadītājs
role-admin = Administrators
role-customer = Klients

## Errors
error-title = Radās kļūda
error-not-found = Šo lapu neatradām, vai arī jums nav tiesību to redzēt.
error-forbidden = Jums nav tiesību to darīt.
error-csrf = Šīs veidlapas derīgums beidzies, vai tā nav no Accord. Pārlādējiet lapu un mēģiniet vēlreiz.
error-nul = Pieprasījumā ir NUL rakstzīme (%00), kas nevar būt nevienā tekstā. Izņemiet to un nosūtiet vēlreiz.
error-invalid = Lūdzu, izlabojiet:
error-conflict = Tas ir pretrunā ar pašreizējo stāvokli: { $detail }
error-illegal-transition = Lieta nevar pāriet no “{ $from }” uz “{ $to }”.
error-server = Radās neparedzēta kļūda. Tā ir reģistrēta; lūdzu, mēģiniet vēlreiz.
error-back = Atpakaļ uz iesūtni
error-field-required = { $field }: šis lauks ir obligāts.
error-field-too-long = { $field }: teksts ir pārāk garš.
error-field-invalid = { $field }: { $message }
error-code-invalid = Šī vērtība nav derīga.
error-code-required = Šis lauks ir obligāts.
error-code-too_long = Šis teksts ir pārāk garš.
error-code-too_short = Šis teksts ir pārāk īss.
error-code-control_characters = Izņemiet no teksta vadības rakstzīmes.
error-code-invalid_email = Ievadiet e-pasta adresi, piemēram, vards@piemers.lv.
error-code-invalid_tag = Birkās drīkst būt mazie burti, cipari, “-” vai “_”.
error-code-unknown_team = Šī komanda vairs nepastāv.
error-code-unknown_agent = Šai personai nevar piešķirt lietas.
error-code-unknown_contact = Šāds klients nepastāv.
error-code-unknown_question = Šis jautājums nepieder šai lietai.
error-code-not_allowed = Šo lauku šeit nevar izmantot.
error-code-too_many = Ir pārāk daudz vienību.
error-code-conflict = Kāds cits to mainīja tajā pašā laikā. Pārlādējiet un mēģiniet vēlreiz.

## Policy check (accord policy check, the policy editor)
policy-severity-error = kļūda
policy-severity-warning = brīdinājums
policy-check-summary = { $errors ->
    [zero] { $errors } kļūdu
    [one] { $errors } kļūda
   *[other] { $errors } kļūdas
}, { $warnings ->
    [zero] { $warnings } brīdinājumu
    [one] { $warnings } brīdinājums
   *[other] { $warnings } brīdinājumi
}
policy-check-cannot-read = Nevar nolasīt { $file }: { $detail }
policy-syntax = Šis nav derīgs politikas fails: { $detail }
policy-invalid-value = { $field }: “{ $value }” šeit nav derīgs. Gaidīts: { $expected }.
policy-condition = { $field }: { $problem ->
    [syntax] nosacījumu nevar nolasīt ({ $subject }).
    [unknown-field] lauka “{ $subject }” nav. Lauki: { $expected }.
    [unknown-value] “{ $subject }” nav iespējama vērtība. Izmantojiet kādu no: { $expected }.
    [not-ordered] { $subject } nav sakārtots; salīdziniet ar { $expected }.
    [wrong-type] “{ $subject }” ir nepareiza tipa; gaidīts: { $expected }.
    [tags-membership] birku pārbaudiet ar { $expected }.
    [empty-list] tukšs saraksts nekad neatbilst; norādiet { $expected }.
    [not-a-value] “{ $subject }” nav vērtība; gaidīts: { $expected }.
    [not-a-condition] “{ $subject }” nav nosacījums; rakstiet { $expected }.
   *[unsupported] “{ $subject }” nosacījumos nav atbalstīts; izmantojiet { $expected }.
}
policy-missing-translation = { $field } nav teksta valodā “{ $language }”, kas šai politikai ir obligāta.
policy-duplicate-id = Id “{ $id }” ({ $kind }) ir izmantots divreiz; id jābūt unikāliem.
policy-unknown-reference = Nav neviena elementa (veids: { $kind }) ar id “{ $id }”.
policy-calendar = Kalendārs “{ $id }”: { $detail }
policy-remedy-without-limits = Kompensācijai “{ $id }” nav limitu: norādiet, cik katra loma drīkst piešķirt, piem., limits = { "{" } agent = 50, supervisor = 500 { "}" }.
policy-contradicting-procedures = Procedūras “{ $other }” un “{ $id }” attiecas uz tām pašām { $channel } lietām ar atšķirīgiem standartiem. Dodiet vienai no tām citu “when”.
policy-procedure-shadowed = Procedūra “{ $id }” nekad netiek piemērota: “{ $other }”, kas failā ir agrāk, jau nosaka visas { $channel } lietas. Pārvietojiet to pirms “{ $other }” vai dodiet “{ $other }” nosacījumu.
policy-never-matches = “{ $id }” nosacījums nekad nevar būt patiess.
policy-standard-slower-than-objective = Procedūra “{ $id }” atļauj { $value } rādītājam { $standard }, lēnāk nekā mērķa “{ $objective }” robeža { $target }, kam tā kalpo.
policy-escalation-never-fires = Eskalācijas līmenis “{ $id }” nekad nevar iedarboties: { $reason ->
    [no-clock] neviena procedūra neiestata pulksteni, ko tas vēro.
    [offset-too-large] tas iedarbotos, pirms pulkstenis vispār sāk iet, visās procedūrās.
    [no-tiers] tajā nav norādīts neviens konta līmenis.
   *[never-matches] tā nosacījums nekad nevar būt patiess.
}
policy-hard-to-read = { $field } ({ $language }) ir grūti lasāms: { $formula } rezultāts ir { $score }, politika prasa { $threshold }. Rakstiet īsākus teikumus un ikdienas vārdus.
policy-hard-to-read-also = { $field } ({ $language }) ir grūti lasāms: { $formula } rezultāts ir { $score } ({ $also_formula }: { $also_score }), politika prasa { $threshold }. Rakstiet īsākus teikumus un ikdienas vārdus.
policy-jargon = { $field } ({ $language }) lieto žargonu: { $terms }.
policy-long-sentences = { $field } ({ $language }): teikumi { $sentences } ir garāki par { $limit } vārdiem.
policy-template-placeholder = { $field } ({ $language }) izmanto “{ $placeholder }”, kas nav aizstājējs. Izmantojiet { $known } vai rakstiet {"{{"} un {"}}"}, lai iegūtu figūriekavu.
policy-template-unclosed = { $field } ({ $language }) atver figūriekavu, kas netiek aizvērta. Aizveriet to, piemēram, {"{"}customer{"}"}, vai rakstiet {"{{"}, lai iegūtu figūriekavu.
policy-review-due = Šī politika bija jāpārskata { $date }.

## Policy pages
nav-policy = Politika
policy-title = Apkalpošanas politika
policy-versions = Apkalpošanas politikas versijas
policy-col-number = Versija
policy-col-name = Nosaukums
policy-col-status = Statuss
policy-col-effective = Spēkā no
policy-status-draft = Melnraksts
policy-status-published = Publicēta
policy-in-force = pašlaik spēkā
policy-new-draft = Jauns melnraksts
policy-none = Apkalpošanas politikai vēl nav nevienas versijas.
policy-acknowledge = Esmu izlasījis šo versiju un tās kopsavilkumu
policy-acknowledged-at = Jūs apstiprinājāt šo versiju { $date }.
policy-acknowledged-notice = Paldies! Jūsu apstiprinājums ir reģistrēts.
policy-briefing = Kas mainās un kāpēc
policy-source = Politikas dokuments (TOML)
policy-texts-title = Ko lasa klienti
policy-texts-intro = Katrs skaidrojums un atbildes veidne katrā valodā ar tās lasāmības novērtējumu. Novērtējumi mainās rakstīšanas laikā; saglabājot teksti tiek ierakstīti politikas failā zemāk.
policy-texts-save = Saglabāt tekstus
policy-texts-unreadable = Tekstus neizdevās ierakstīt politikas failā ({ $detail }). Vispirms izlabojiet failu zemāk.
policy-text-score = { $formula }: { $score } (politika prasa { $threshold })
policy-text-score-free = { $formula }: { $score }
policy-text-score-also = { $formula }: { $score } (politika prasa { $threshold }); { $also_formula }: { $also_score }
policy-text-score-free-also = { $formula }: { $score }; { $also_formula }: { $also_score }
policy-text-empty = Tukšs: arī šajā valodā tekstam jābūt.
policy-text-hard = Grūtāk lasāms, nekā politika atļauj: izmantojiet īsākus teikumus un ikdienas vārdus.
policy-text-long = Teikumos { $sentences } ir vairāk nekā { $limit } vārdu.
policy-text-jargon = Žargons: { $terms }.
policy-save = Saglabāt un pārbaudīt
policy-saved = Saglabāts.
policy-check-clean = Pārbaude problēmas neatrada.
policy-findings = Ko atrada pārbaude
policy-publish = Publicēt
policy-effective-at = Spēkā no
policy-publish-hint = Atvērtās lietas šajā datumā pāriet uz šo versiju. Lai publicētu, pārbaudē nedrīkst būt kļūdu.
policy-published-notice = Publicēta. Darbiniekiem tiek lūgts apstiprināt šo versiju.
policy-ack-title = Apstiprinājumi
policy-ack-missing = vēl nav
policy-ack-count = { $done } no { $total } darbiniekiem ir apstiprinājuši šo versiju.
policy-grace-row = { $organization } paliek pie iepriekšējās versijas līdz { $date }.
policy-published-readonly = Publicēta versija nekad nemainās. Lai to mainītu, izveidojiet jaunu melnrakstu.
policy-place = { $line }. rinda, { $column }. kolonna
error-code-policy_has_errors = Politikā ir kļūdas. Izlabojiet tās pirms publicēšanas.
error-code-in_the_past = Izvēlieties datumu, sākot no šī brīža.
error-code-unknown_organization = Šāda organizācija nepastāv.
case-policy-version = Apkalpošanas politikas versija

## Pulksteņi un eskalācija (PRODUCT.md C1, C2)
clocks-title = Pulksteņi
clock-first_response = Pirmā atbilde
clock-next_update = Solītā nākamā ziņa
clock-resolution = Atrisinājums
clock-milestone = Starpmērķis
clock-state-running = Iet
clock-state-paused = Apturēts
clock-state-met = Izpildīts
clock-state-breached = Nokavēts
clock-left = atlicis { $left } darba laika
clock-due = Termiņš { $due }
clock-paused = Apturēts kopš { $at }, kamēr gaidām klientu
clock-met-in-time = Izpildīts { $at }, laikā
clock-met-late = Izpildīts { $at }, ar nokavēšanos
clock-overdue = Termiņš bija { $due }
clock-target = Mērķis { $target } darba laika; izlietots { $elapsed }
event-clock_breached = Mērķis nokavēts: { $clock }
event-escalated = Eskalēts: { $level }
nav-breaching = Drīz nokavēs
breaching-title = Drīz nokavēs
breaching-intro = Atvērto lietu pulksteņi, kas jau pārsnieguši mērķi vai kuru termiņš ir šajā periodā; steidzamākie vispirms.
breaching-window = Skatīties uz priekšu
breaching-hours = { $hours ->
    [zero] { $hours } stundas
    [one] { $hours } stunda
   *[other] { $hours } stundas
}
breaching-show = Rādīt
breaching-empty = Šajā periodā neviena pulksteņa termiņš nebeidzas.
breaching-case = Lieta
breaching-clock = Pulkstenis
breaching-due = Termiņš
breaching-state = Stāvoklis
breaching-overdue = Nokavēts
breaching-soon = Drīz termiņš

## Kompensācijas, apstiprinājumi un piekāpšanās reģistrs (PRODUCT.md B5, D5)
nav-approvals = Apstiprinājumi
remedies-title = Kompensācijas
remedies-none = Šajā lietā vēl nav dota vai prasīta neviena kompensācija.
remedies-remedy = Kompensācija
remedies-amount = Apjoms
remedies-reason = Kas klientam nogāja greizi
remedies-submit = Dot vai lūgt apstiprinājumu
remedies-limit = { $name } (bez apstiprinājuma varat dot līdz { $limit } { $unit })
remedies-no-limit = { $name } (jebkuram apjomam vajag apstiprinājumu)
remedies-row = { $remedy }: { $amount } { $unit }
remedies-requested-by = Lūdza { $name }, { $at }
remedy-status-granted = Dota
remedy-status-pending = Gaida apstiprinājumu: { $role }
remedy-status-approved = Apstiprināta un dota
remedy-status-rejected = Atteikta
remedy-status-granted-short = dota
remedy-status-pending-short = gaida apstiprinājumu
remedy-status-approved-short = apstiprināta
remedy-status-rejected-short = atteikta
event-remedy = Kompensācija { $remedy }: { $amount } { $unit }, { $status }
ledger-title = Piekāpšanās reģistrs
ledger-empty = Šim kontam vēl nekas nav dots.
ledger-total = Līdz šim dots: { $amounts }
ledger-growing = Katra piekāpšanās ir lielāka par iepriekšējo: { $amounts } { $unit }. Pārbaudiet, vai tās joprojām ir pamatotas.
ledger-repeated = Lietā { $number } piekāpšanās ({ $unit }) dota { $count ->
    [zero] { $count } reižu
    [one] { $count } reizi
   *[other] { $count } reizes
}, kopā { $total } { $unit }. Katra vienas piekāpšanās daļa var palikt zem limita: pārbaudiet, vai kopumā tā ir pamatota.
ledger-refusals = { $count ->
    [zero] { $count } pieprasījumu atteikts pēc kārtas. Klients var gatavoties aiziet.
    [one] { $count } pieprasījums atteikts pēc kārtas.
   *[other] { $count } pieprasījumi atteikti pēc kārtas. Klients var gatavoties aiziet.
}
approvals-title = Apstiprinājumi
approvals-intro = Kompensācijas virs pieprasītāja limita, ko sedz jūsu limits. Lai atteiktu, vajag piezīmi, ko aģents var nodot klientam.
approvals-none = Nekas negaida jūsu apstiprinājumu.
approvals-case = Lieta
approvals-note = Piezīme (obligāta, lai atteiktu)
approvals-approve = Apstiprināt
approvals-refuse = Atteikt
approvals-done = Lēmums saglabāts.
error-code-not_offered = Apkalpošanas politika šajā lietā šādu kompensāciju nepiedāvā.
error-code-above_every_limit = Tik daudz nevar piešķirt neviena loma. Samaziniet apjomu.
error-code-no_policy = Šo lietu vēl nenosaka neviena publicēta apkalpošanas politika.
error-code-not_positive = Ievadiet summu, kas lielāka par nulli.
error-code-not_whole = Ievadiet veselu skaitli: preces un dienas nevar dalīt.
error-code-too_precise = Ievadiet summu veselos centos (vai valūtas mazākajā vienībā), nevis to daļās.
error-limit-too_precise = Ievadiet summu valūtas mazākajā vienībā (eiro — centos): ne vairāk kā { $limit } zīmes aiz komata un vismaz vienu šādu vienību.
error-code-case_total_above_every_limit = Ņemot vērā to, kas šajā lietā jau dots vai gaida apstiprinājumu, tik daudz šīs kompensācijas nevar piešķirt neviena loma. Samaziniet apjomu: kompensāciju kartītē redzama kopsumma līdz šim.
error-code-customer_total_above_every_limit = Ņemot vērā to, kas šim klientam politikas periodā jebkurā lietā jau dots vai gaida apstiprinājumu, tik daudz šīs kompensācijas nevar piešķirt neviena loma. Samaziniet apjomu.

## Acknowledgement of a new case (A4): sent to the customer
ack-greeting = Labdien, { $name }!
ack-important = Paldies, ka mums uzrakstījāt. Jūsu ziņojums mums ir svarīgs, un mēs jau pie tā strādājam (lieta { $number }: “{ $subject }”).
ack-promise = Mēs ar jums sazināsimies atkal ne vēlāk kā { $when } ({ $zone }), pat ja vēl turpināsim darbu.
ack-no-promise = Mēs jūs informēsim par katru soli.
ack-signoff = Ar cieņu
    klientu atbalsta komanda
## Acknowledgement on the case page and its errors
ack-title = Apstiprinājums
ack-send = Nosūtīt apstiprinājumu
ack-sent = Apstiprinājums nosūtīts.
ack-preview = Ko saņems klients:
ack-already = Šai lietai apstiprinājums vai atbilde jau ir nosūtīta.

## Paziņojumi
nav-notifications = Paziņojumi
nav-unread = { $count ->
    [zero] { $count } nelasītu
    [one] { $count } nelasīts
   *[other] { $count } nelasīti
}
notifications-title = Paziņojumi
notifications-intro = Ko no jums prasa eskalācijas ķēde un politikas pārskatīšana. Jaunākie ir augšā.
notifications-show-all = Rādīt arī izlasītos
notifications-show-unread = Rādīt tikai nelasītos
notifications-empty = Jums nekā jauna nav.
notifications-read-all = Atzīmēt visus kā izlasītus
notifications-mark-read = Atzīmēt kā izlasītu
notification-escalation = Eskalācija “{ $level }” lūdz jūs apskatīt šo lietu:
notification-assigned = Eskalācija “{ $level }” jums nodeva šo lietu:
notification-policy-review = Šī politikas versija jāpārskata { $date }:
notification-version = { $number }. versija

## Politika: pārejas periodi un izmaiņas starp versijām
policy-effective-invalid = Norādiet spēkā stāšanās datumu un laiku.
policy-grace-legend = Pārejas periodi (nav obligāti)
policy-grace-hint = Šie klienti paliek pie pašlaik spēkā esošās versijas līdz jūsu norādītajam datumam, lai viņiem būtu laiks pielāgoties.
policy-grace-organization = Klients
policy-grace-none = (neviens)
policy-grace-until = Paliek pie pašreizējās versijas līdz
policy-grace-invalid = { $row }. pārejas periods: izvēlieties klientu un derīgu datumu.
policy-grace-incomplete = { $row }. pārejas periods: norādiet gan klientu, gan datumu vai neko.
policy-changes = Izmaiņas
policy-changes-since = Izmaiņas kopš { $number }. versijas
policy-changes-none = Politikas dokuments ir tāds pats kā tajā versijā.
policy-changes-first = Šī ir pirmā versija: nav ar ko salīdzināt.
policy-compare-with = Salīdzināt ar
policy-compare = Salīdzināt
policy-diff-old = Pirms
policy-diff-new = Pēc
policy-diff-line = Rinda

## Kalendāri
nav-calendars = Kalendāri
calendars-title = Darba kalendāri
calendars-intro = Kad strādā katra komanda, lai zinātu, ko šonedēļ nozīmē “4 darba stundas”. Kalendāri no:
calendar-zone = Laika josla: { $zone }
calendar-open-now = Tagad atvērts
calendar-closed-now = Tagad slēgts
calendar-procedures = Nosaka termiņus procedūrām: { $value }
calendar-week = Katru nedēļu
calendar-ahead = Nākamās 90 dienas
calendar-ahead-none = Nākamajās 90 dienās nav svētku dienu, slēgtu dienu vai īpaša darba laika.
calendar-closed = Slēgts
calendar-holiday = Svētku diena: { $name }
calendar-closure = Slēgts
calendar-special = Īpašs darba laiks: { $value }
weekday-monday = Pirmdiena
weekday-tuesday = Otrdiena
weekday-wednesday = Trešdiena
weekday-thursday = Ceturtdiena
weekday-friday = Piektdiena
weekday-saturday = Sestdiena
weekday-sunday = Svētdiena

## Kuras atvērtās lietas atlasa noteikums
rules-title = Noteikumi un lietas, ko tie atlasa
rules-intro = Katrs spēkā esošās versijas noteikums, kas atlasa lietas, ar tā nosacījumu. Izvēlieties vienu vai uzrakstiet nosacījumu, lai redzētu, kuras atvērtās lietas tas atlasa tagad.
rules-condition = Nosacījums
rules-show = Rādīt lietas
rules-matching-count = { $count ->
    [zero] Nosacījumam atbilst { $count } atvērtu lietu.
    [one] Nosacījumam atbilst { $count } atvērta lieta.
   *[other] Nosacījumam atbilst { $count } atvērtas lietas.
}
rules-status = Statuss
rules-account = Konts
rules-in-force = Spēkā esošās versijas noteikumi
rules-none = Neviena versija vēl nav spēkā.
rules-kind = Veids
rules-id = Noteikums
rule-kind-procedure = Procedūra
rule-kind-escalation = Eskalācijas līmenis
rule-kind-remedy = Kompensācija

## Ko sagaida politikas lauks (pārbaudes ziņojumos)
expected-one-or-more = 1 vai vairāk
expected-unit = valūtas kods, piemēram, EUR, vai days, vai items
expected-duration = ilgums, piemēram, "4h"
expected-score = vērtējums no 0 līdz 1
expected-time-zone = IANA laika josla, piemēram, Europe/Riga
expected-currency = ISO 4217 kods, piemēram, EUR
expected-amount = summa 0 vai vairāk
expected-whole-number = vesels skaitlis 0 vai vairāk (preces un dienas nevar dalīt)
expected-amount-decimals = summa 0 vai vairāk ar ne vairāk kā { $low } zīmēm aiz komata
expected-email = e-pasta adrese
expected-action = vismaz viena darbība
expected-languages = vismaz viena no en, es, pt, lv
expected-tier = vismaz viens konta līmenis
expected-link = https://… (vai +<valsts kods> <numurs> tālrunim)
expected-number-range = skaitlis no { $low } līdz { $high }
expected-comparison = salīdzinājums, piemēram, case.channel == "email"
expected-text-or-number = teksts pēdiņās vai skaitlis
expected-text = teksts pēdiņās
expected-value = vismaz viena vērtība
kind-alternative = alternatīva
kind-escalation-level = eskalācijas līmenis
kind-objective = mērķis
kind-procedure = procedūra
kind-remedy = kompensācija
kind-template = atbildes veidne
kind-calendar = kalendārs
expected-team-or-role = vai nu team, vai role, ne abi

## Email channel
mail-no-subject = (bez temata)
mail-no-text = (Ziņojumā nav teksta. Skatiet pielikumus.)
nav-held-mail = Aizturētie e-pasti
mail-no-sender = (bez sūtītāja)
mail-attachments = { $count ->
    [zero] { $count } pielikumu
    [one] { $count } pielikums
   *[other] { $count } pielikumi
}
mail-held-title = Aizturētie e-pasti
mail-held-intro = Accord šos ziņojumus pats nav iekārtojis. Izlemiet par katru: pievienot lietai, atvērt jaunu lietu vai nolikt malā. Šeit nekas netiek dzēsts.
mail-held-empty = Neviens e-pasts negaida lēmumu.
mail-held-unknown-sender = Sūtītājs nav šīs lietas konta kontaktpersona.
mail-held-automatic = Nosūtīts automātiski (automātiska atbilde, jaunumu vēstule vai saraksts) un neattiecas uz nevienu atvērtu lietu.
mail-held-rate-limited = Šis sūtītājs desmit minūtēs nosūtīja vairāk ziņojumu, nekā atļauts.
mail-held-no-sender = Ziņojumā nav norādīts sūtītājs.
mail-held-unreadable = Ziņojumu neizdevās nolasīt.
mail-held-candidate = Tas varētu piederēt lietai
mail-held-case-number = Lietas numurs
mail-held-file = Pievienot lietai
mail-held-new-case = Atvērt jaunu lietu
mail-held-set-aside = Nolikt malā
mail-held-filed-done = Ziņojums tagad ir lietā { $number }.
mail-held-set-aside-done = Ziņojums nolikts malā.
mail-held-no-case = Nevienai lietai nav šāda numura. Ierakstiet esošas lietas numuru.
mail-notes-title = Kā Accord nolasīja šo e-pastu
mail-auth-failed = Sūtītāja autentifikācija neizdevās: šis e-pasts var nebūt no adreses, kas tajā redzama (SPF { $spf }, DKIM { $dkim }, DMARC { $dmarc }).
mail-note-not-base64 = Tas bija atzīmēts kā base64, bet bija parasts teksts; tas parādīts, kā rakstīts.
mail-note-charset-was-utf8 = Tas bija atzīmēts kā { $detail }, bet bija UTF-8; tas nolasīts kā UTF-8.
mail-note-charset-was-windows-1252 = Tas bija atzīmēts kā { $detail }, bet tāds nebija; tas nolasīts kā Windows-1252 (Rietumeiropas).
mail-note-charset-unlabelled = Rakstzīmju kopa nebija norādīta, un tas nebija UTF-8; tas nolasīts kā Windows-1252 (Rietumeiropas).
mail-note-charset-unknown = Rakstzīmju kopa { $detail } nav zināma; tas nolasīts kā Windows-1252 (Rietumeiropas).
mail-note-charset-invalid = Dažas rakstzīmes nebija derīgas kopā { $detail } un parādītas kā �.
mail-note-nul-removed = Tajā bija NUL rakstzīmes, kas izņemtas no teksta; oriģinālā tās ir saglabātas.
mail-note-sender-several-addresses = Sūtītāja rindā bija vairākas adreses ({ $detail }); ņemta pirmā.
mail-note-space-before-headers = Pirms pirmās galvenes bija tukšums, kas izlaists.
mail-note-no-blank-line = Pēc galvenēm nebija tukšas rindas; teksts sākas ar pirmo rindu, kas nav galvene.
mail-note-no-headers = Tajā nebija nevienas galvenes; viss parādīts kā teksts.
mail-note-text-recovered = Teksta daļa bija bojāta (kļūdains satura tips vai trūkstoša robeža); teksts atgūts.
mail-note-no-sender = Sūtītājs nav norādīts.
mail-note-attachments-over-limit = Tajā bija vairāk nekā { $detail } pielikumi; pārējie ir tikai oriģinālajā ziņojumā.
mail-note-not-mail = Tas nav e-pasta ziņojums, bet fails ({ $detail }); tas saglabāts kā pielikums.
mail-original-title = E-pasts, kā tas nosūtīts
mail-original-back = Atpakaļ uz lietu { $number }
mail-original-link = Rādīt e-pastu ar tā noformējumu
mail-images-blocked = Attēli no tīmekļa ir bloķēti: to ielāde pateiktu sūtītājam, ka jūs izlasījāt ziņojumu.
mail-images-show = Rādīt attēlus
mail-images-shown = Attēli no tīmekļa tiek rādīti.
mail-images-hide = Bloķēt tos atkal
mail-delivery-queued = E-pasts gaida sūtīšanu uz { $to }.
mail-delivery-sent = E-pasts nosūtīts uz { $to } { $at }.
mail-delivery-retrying = E-pasts vēl nav nosūtīts: { $attempts }. mēģinājums neizdevās ({ $error }). Accord mēģinās vēlreiz.
mail-delivery-failed = E-pasts nav piegādāts: { $error }
mail-delivery-bounced = E-pasts atgriezts: { $error }

# Relative times (J8)
relative-now = tagad
relative-minutes-future = { $count ->
    [zero] pēc { $count } minūtēm
    [one] pēc { $count } minūtes
   *[other] pēc { $count } minūtēm
}
relative-minutes-past = { $count ->
    [zero] pirms { $count } minūtēm
    [one] pirms { $count } minūtes
   *[other] pirms { $count } minūtēm
}
relative-hours-future = { $count ->
    [zero] pēc { $count } stundām
    [one] pēc { $count } stundas
   *[other] pēc { $count } stundām
}
relative-hours-past = { $count ->
    [zero] pirms { $count } stundām
    [one] pirms { $count } stundas
   *[other] pirms { $count } stundām
}
relative-days-future = { $count ->
    [zero] pēc { $count } dienām
    [one] pēc { $count } dienas
   *[other] pēc { $count } dienām
}
relative-days-past = { $count ->
    [zero] pirms { $count } dienām
    [one] pirms { $count } dienas
   *[other] pirms { $count } dienām
}

# Inbox views, filters, bulk actions, live updates, shortcuts (issue 5)
inbox-views = Iesūtnes skati
inbox-view-breaching = Drīz tiks nokavēti
inbox-view-waiting = Gaida klientu
inbox-view-approval = Gaida apstiprinājumu
inbox-filter-priority = Prioritāte
inbox-filter-language = Valoda
inbox-filter-channel = Kanāls
inbox-filter-tag = Birka
inbox-filter-any = Jebkura
inbox-sort = Secība
inbox-sort-updated = Nesen mainītās vispirms
inbox-sort-due = Tuvākais termiņš vispirms
col-due = Nākamais termiņš
col-select = Atlasīt
inbox-select-case = Atlasīt lietu { $number }
inbox-bulk-legend = Ar atlasītajām lietām
inbox-bulk-action = Darbība
inbox-bulk-assign = Piešķirt
inbox-bulk-close = Slēgt
inbox-bulk-assignee = Atbildīgais
inbox-bulk-submit = Piemērot atlasītajām
inbox-bulk-done = { $count ->
    [zero] Mainītas { $count } lietas.
    [one] Mainīta { $count } lieta.
   *[other] Mainītas { $count } lietas.
}
inbox-bulk-failed = { $count ->
    [zero] { $count } lietas nevarēja mainīt (no to statusa tas nav atļauts, vai tās nav jūsu ziņā).
    [one] { $count } lietu nevarēja mainīt (no tās statusa tas nav atļauts, vai tā nav jūsu ziņā).
   *[other] { $count } lietas nevarēja mainīt (no to statusa tas nav atļauts, vai tās nav jūsu ziņā).
}
live-changed = Kopš lapas ielādes lietas ir mainījušās — rādīt jaunāko
shortcuts-title = Tastatūras īsinājumtaustiņi
shortcuts-move = nākamā / iepriekšējā lieta sarakstā
shortcuts-open = atvērt izvēlēto lietu
shortcuts-select = atlasīt izvēlēto lietu grupas darbībai
shortcuts-reply = rakstīt atbildi
shortcuts-note = rakstīt iekšēju piezīmi
shortcuts-assign = izvēlēties atbildīgo
shortcuts-help = rādīt šo palīdzību
shortcuts-close = Aizvērt

## Portal: a new case (F2)
nav-new-case = Jauna lieta
new-case-title = Atvērt jaunu lietu
new-case-intro = Pastāstiet saviem vārdiem, kas notika. Mēs atbildam Jūsu valodā un pasakām, kad gaidīt nākamo ziņu.
new-case-trap = Atstājiet šo lauku tukšu
new-case-subject = Temats
new-case-body = Kas notika?
new-case-files = Faili (foto, rēķini, dokumenti)
new-case-files-hint = { $count ->
    [zero] Līdz { $count } failiem
    [one] Līdz { $count } failam
   *[other] Līdz { $count } failiem
}, katrs ne lielāks par { $size } MB.
new-case-submit = Atvērt lietu
new-case-unreadable = Veidlapu neizdevās nolasīt ({ $detail }). Lūdzu, nosūtiet to vēlreiz.
new-case-refused-honeypot = Veidlapa netika pieņemta. Ja esat cilvēks, atstājiet slēpto lauku tukšu un nosūtiet vēlreiz.
new-case-refused-fast = Veidlapa tika nosūtīta ātrāk, nekā cilvēks to var aizpildīt. Lūdzu, pārbaudiet to un nosūtiet vēlreiz.
new-case-refused-expired = Šīs veidlapas derīgums ir beidzies. Jūsu teksts ir saglabāts zemāk: lūdzu, nosūtiet to vēlreiz.
new-case-refused-rate = Pēdējā stundā esat atvēris daudz lietu. Lūdzu, mazliet pagaidiet vai papildiniet kādu no atvērtajām lietām.
new-case-refused-reused = Šī veidlapa jau tika nosūtīta ar citu saturu, un tās atvērtā lieta paliek. Nekas jauns netika atvērts: lai atvērtu citu lietu, lūdzu, nosūtiet zemāk esošo tekstu vēlreiz.
new-case-too-many-files = { $count ->
    [zero] Lietu var sākt ar ne vairāk kā { $count } failiem.
    [one] Lietu var sākt ar ne vairāk kā { $count } failu.
   *[other] Lietu var sākt ar ne vairāk kā { $count } failiem.
} Pārējos pievienojiet lietai, kad tā ir atvērta.
new-case-opened = Jūsu lieta ir atvērta. Mēs Jums nosūtījām apstiprinājumu.
new-case-opened-files-refused = Jūsu lieta ir atvērta, bet daži faili netika pieņemti (pārāk lieli vai tukši). Tos varat pievienot no lietas.

## Supervisor views: escalations and standing against the standards (C2, H2)
nav-escalations = Eskalācijas
nav-standing = Standartu izpilde
period = Periods
period-days = { $days ->
    [zero] Pēdējās { $days } dienas
    [one] Pēdējā { $days } diena
   *[other] Pēdējās { $days } dienas
}
escalations-title = Eskalācijas
escalations-intro = Katrs eskalācijas ķēdes līmenis, kas periodā iedarbojās, jaunākie vispirms: kas to izraisīja, kāpēc politika šeit eskalē, ko tas izdarīja un kuram lieta ir tagad.
escalations-empty = Šajā periodā neviena eskalācija neiedarbojās.
escalations-when = Kad
escalations-why = Līmenis un iemesls
escalations-done = Ko tas izdarīja
escalations-holder = Lieta tagad pie
escalations-unassigned = Vēl neviena
escalation-trigger-before = { $by } pirms termiņa “{ $clock }”
escalation-trigger-after = { $by } pēc termiņa “{ $clock }”
escalation-trigger-frustration = Neapmierinātības novērtējums { $score } vai vairāk
escalation-trigger-public-post = Publisks ieraksts par lietu
escalation-trigger-tier = Klienta līmenis: { $tiers }
escalation-trigger-manager = Klients lūdza vadītāju
escalation-action-notify = Paziņots: { $role }
escalation-action-notify-team = Paziņots: { $role } (komanda { $team })
escalation-action-priority = Prioritāte paaugstināta līdz: { $priority }
escalation-action-reassign = Nodota citam
escalation-action-reassign-role = Nodota: { $role }
escalation-action-reassign-team = Nodota komandai { $team }
escalation-action-reassign-team-role = Nodota komandai { $team } ({ $role })
standing-title = Standartu izpilde
standing-intro-team = Katram aģentam un vadītājam: cik daudz to lietu pulksteņu periodā izpildīti politikas termiņos, cik atvērtu lietu tiem ir un vai tie apstiprinājuši spēkā esošo politikas versiju.
standing-intro-own = Cik daudz jūsu lietu pulksteņu periodā izpildīti politikas termiņos, cik atvērtu lietu jums ir un vai esat apstiprinājis spēkā esošo politikas versiju.
standing-empty = Nav neviena, ko parādīt.
standing-person = Persona
standing-policy = Spēkā esošā politika apstiprināta
standing-percent = { $percent } %
standing-none = —
standing-detail = { $met } laikā, { $missed } nokavēti, { $running } rit
standing-open-cases = { $count ->
    [zero] { $count } atvērtu lietu
    [one] { $count } atvērta lieta
   *[other] { $count } atvērtas lietas
}
standing-acknowledged-yes = Jā
standing-acknowledged-no = Vēl nav
standing-note = Pulkstenis tiek ieskaitīts personai, kurai lieta ir tagad. Zaļš: vismaz 90 % izpildīti laikā.
remedies-authority = Kas lemj un līdz kādai summai
remedies-authority-own = Jūs vieni: līdz { $limit } { $unit }
remedies-authority-approver = Apstiprina: { $role }, līdz { $limit } { $unit }
remedies-authority-beyond = Virs { $limit } { $unit }: šī politika to neļauj
remedies-authority-counted = Limiti skaita lietas kopsummu: līdz šim dots vai gaida apstiprinājumu { $amount } { $unit }.
remedies-authority-customer = Tie skaita arī to, kas šim klientam jebkurā lietā dots vai gaida apstiprinājumu { $days ->
    [one] pēdējās { $days } dienas laikā
   *[other] pēdējo { $days } dienu laikā
}: līdz šim { $amount } { $unit }.

## Customer portal: sign-up and sign-in by email link (F2)
portal-link-summary = Nav paroles? Saņemiet pieteikšanās saiti e-pastā
portal-link-submit = Sūtīt man pieteikšanās saiti
portal-signup-link = Jauns klients? Izveidojiet kontu
portal-signup-title = Izveidojiet savu kontu
portal-signup-intro = Sekojiet savām lietām, atbildiet un lasiet mūsu skaidrojumus savā valodā. Mēs nosūtīsim saiti uz jūsu adresi, lai pārliecinātos, ka tā ir jūsu.
portal-signup-name = Jūsu vārds
portal-signup-language = Mūsu ziņojumu valoda
portal-signup-password = Parole (nav obligāta)
portal-signup-password-hint = Vismaz 10 rakstzīmes. Bez paroles jūs piesakāties ar saiti, ko nosūtām e-pastā.
portal-signup-submit = Sūtīt apstiprinājuma saiti
portal-have-account = Man jau ir konts: pieteikties
portal-sent-title = Pārbaudiet e-pastu
portal-sent-text = Ja šī adrese var izmantot portālu, ziņojums ar saiti jau ir ceļā. Saite darbojas vienu reizi. Nav pienācis? Pārbaudiet mēstuļu mapi vai pieprasiet vēlreiz pēc dažām minūtēm.
portal-back-to-login = Atpakaļ uz pieteikšanos
portal-confirm-title = Piesakieties ar savu saiti
portal-confirm-text = Nospiediet pogu, lai izmantotu saiti un pieteiktos.
portal-confirm-submit = Pieteikties
portal-failed-title = Tas neizdevās
portal-link-expired = Šīs saites derīgums ir beidzies. Pieprasiet jaunu pieteikšanās lapā.
portal-link-used = Šī saite jau ir izmantota. Katra saite darbojas vienu reizi: pieprasiet jaunu pieteikšanās lapā.
portal-link-unknown = Šī saite nav derīga. Nokopējiet visu adresi no e-pasta vai pieprasiet jaunu saiti pieteikšanās lapā.
portal-mail-greeting = Labdien, { $name }!
portal-mail-signin-subject = Jūsu pieteikšanās saite
portal-mail-signin-body = Atveriet šo saiti, lai pieteiktos mūsu klientu portālā. Tā darbojas vienu reizi, { $minutes } minūšu laikā:
portal-mail-signup-subject = Apstipriniet savu adresi
portal-mail-signup-body = Atveriet šo saiti, lai apstiprinātu adresi un izveidotu klienta kontu. Tā darbojas vienu reizi, { $minutes } minūšu laikā:
portal-mail-exists-subject = Jums jau ir konts
portal-mail-exists-body = Kāds lūdza izveidot kontu ar šo adresi, bet jums tāds jau ir. Atveriet šo saiti, lai pieteiktos. Tā darbojas vienu reizi, { $minutes } minūšu laikā:
portal-mail-ignore = Ja to nepieprasījāt jūs, neņemiet šo ziņojumu vērā: bez saites neviens nevar izmantot jūsu kontu.

## Policy editor: the rules' settings form (B1, B3)
policy-settings-title = Standarti, nosacījumi un limiti
policy-settings-intro = Katras procedūras standarti un katra kompensācijas veida limiti kā lauki. Pārbaude notiek rakstīšanas laikā un rāda kļūdas blakus laukam; saglabājot politikas failā tiek ierakstīts tikai tas, ko mainījāt.
policy-settings-save = Saglabāt iestatījumus
policy-settings-unusable = Iestatījumus neizdevās ierakstīt politikas failā ({ $detail }). Vispirms izlabojiet failu zemāk.
policy-setting-not-a-number = { $place }: ievadiet summu, kas ir nulle vai vairāk, piemēram, 50 vai 12,5.
policy-setting-procedure = Procedūra “{ $id }”
policy-setting-remedy = Kompensācija “{ $id }”
policy-setting-first_response = Pirmā atbilde
policy-setting-update_every = Informēt klientu vismaz ik pēc
policy-setting-resolution = Atrisināt
policy-setting-calendar = Darba laika kalendārs
policy-setting-when = Piemēro, ja
policy-setting-acknowledge = Saņemšanas apstiprinājums
policy-setting-acknowledge-agent = Sūta aģents ar vienu klikšķi
policy-setting-acknowledge-auto = Sūta Accord, kad lieta tiek atvērta
policy-setting-limit = Lielākā summa, ko drīkst piešķirt viens: { $role }
policy-setting-hint-duration = Darba laiks, piemēram, 4h, 90m vai 1h30m.
policy-setting-hint-condition = Piemēram, account.tier >= "gold" vai case.language == "lv"; tukšs: visas lietas.
policy-setting-hint-calendar = Viena politikas kalendāra identifikators; tukšs: noklusējuma kalendārs.
policy-setting-hint-acknowledge = Kurš sūta pirmo atbildi ar nākamās ziņas solījumu.
policy-setting-hint-limit = Kompensācijas vienībās; tukšs: šī loma to viena piešķirt nedrīkst.

## Validation problems the forms and the API name (J8)
error-code-invalid_condition = Šo nosacījumu nevar nolasīt. Rakstiet to šādi: account.tier >= "gold".
error-code-invalid_currency = Izmantojiet trīs burtu valūtas kodu, piemēram, EUR.
error-code-invalid_key = Nosaukums sākas ar mazo burtu, tālāk mazie burti, cipari vai “_”, līdz 40 rakstzīmēm.
error-code-invalid_number = Ievadiet galīgu skaitli.
error-code-negative = Ievadiet nulli vai vairāk.
error-code-no_sender = E-pastam nav sūtītāja adreses, uz ko atbildēt.
error-code-self_link = Lietu nevar saistīt pašu ar sevi.
error-code-size = Šis fails ir tukšs vai pārāk liels.
error-code-taken = To jau izmanto kāds cits.
error-code-unknown_case = Šādas lietas nav.
error-code-unknown_staff = Šī persona nav darbinieks.
error-code-unknown_version = Šādas politikas versijas nav.
error-limit-too_long = { $limit ->
    [zero] Pārāk garš: ne vairāk kā { $limit } rakstzīmju.
    [one] Pārāk garš: ne vairāk kā { $limit } rakstzīme.
   *[other] Pārāk garš: ne vairāk kā { $limit } rakstzīmes.
}
error-limit-too_short = { $limit ->
    [zero] Pārāk īss: vismaz { $limit } rakstzīmju.
    [one] Pārāk īss: vismaz { $limit } rakstzīme.
   *[other] Pārāk īss: vismaz { $limit } rakstzīmes.
}
error-limit-too_many = Pārāk daudz: ne vairāk kā { $limit }.
error-limit-size = { $limit ->
    [one] Šis fails ir tukšs vai lielāks par { $limit } baitu.
   *[other] Šis fails ir tukšs vai lielāks par { $limit } baitiem.
}
api-invalid-detail = { $count ->
    [zero] Pieprasījumā ir { $count } problēmu; skatiet errors.
    [one] Pieprasījumā ir { $count } problēma; skatiet errors.
   *[other] Pieprasījumā ir { $count } problēmas; skatiet errors.
}

## Resolving a complaint: agreements and milestones (D1-D3)
agreement-text-intro = Mūsu vienošanās par lietu { $number } ({ $version }. versija): ko mēs darīsim un līdz kuram laikam.
agreement-problem = Problēma:
agreement-outcome = Ko mēs darīsim:
agreement-indicators = Kā mēs abi zināsim, ka tas ir izdarīts:
agreement-deadline = Izdarīts līdz: { $when }
agreement-milestones = Soļi pa ceļam:
agreement-contract-changes = Izmaiņas jūsu līgumā:
agreement-text-where = Jūs varat to pieņemt vai pateikt, ka vēlaties to pārrunāt, ar saiti mūsu e-pastā vai klientu portālā.
agreement-mail-link = Lai to pieņemtu vai pateiktu, ka vēlaties to pārrunāt, atveriet šo saiti (tā darbojas līdz { $when }):
agreement-mail-reply = Varat arī atbildēt uz šo e-pastu ar “Piekrītu”.
milestone-update-done = Jaunumi par mūsu vienošanos: “{ $title }” ir izdarīts.
milestone-update-next = Tālāk: “{ $title }” līdz { $when }.
milestone-update-last = Tas bija pēdējais solis; viss norunātais būs izdarīts līdz { $when }.
event-understood = Problēmas izpratne ierakstīta
event-agreement_proposed = Vienošanās piedāvāta
event-agreement_answered = Klients atbildēja uz vienošanos
event-agreement_email_refused = E-pasts, kas pieņēma vienošanās { $version }. versiju, netika uzskatīts par piekrišanu: { $reason }. Klientam nosūtīta saite, lai to pieņemtu.
agreement-email-refused-not_authenticated = sūtītāju neizdevās autentificēt (SPF, DKIM, DMARC)
agreement-email-refused-not_a_reply = tas neatbildēja uz vienošanās e-pastu
agreement-email-unconfirmed = Saņēmām e-pastu, kas pieņem mūsu vienošanos, taču nevarējām pārliecināties, ka to sūtījāt jūs. Lai to pieņemtu, lūdzu, izmantojiet zemāk esošo saiti.
event-milestone_reached = Starpposms sasniegts
agreement-page-title = Mūsu vienošanās ar jums
agreement-page-portal = Pieteikties klientu portālā
agreement-accept = Es pieņemu šo vienošanos
agreement-discuss = Vispirms vēlos to pārrunāt
agreement-status-proposed = Gaida jūsu atbildi
agreement-status-accepted = Pieņemta
agreement-status-discussing = Jāpārrunā
agreement-status-superseded = Aizstāta ar jaunāku versiju
agreement-milestone-reached = izdarīts { $when }
agreement-link-invalid = Šī saite nav derīga: tā var būt saīsināta vai mainīta. Atveriet to vēlreiz no mūsu e-pasta vai piesakieties klientu portālā.
agreement-link-expired = Šīs saites derīgums ir beidzies. Piesakieties klientu portālā, lai redzētu vienošanos, vai atbildiet uz mūsu e-pastu.
agreement-accepted-thanks = Paldies. Jūsu piekrišana ir reģistrēta, un mēs jūs informēsim par katru soli.
agreement-discuss-thanks = Paldies. Mēs sazināsimies ar jums, lai to pārrunātu.
agreement-answer-conflict = Uz šo versiju vairs nevar atbildēt: ir piedāvāta jaunāka, vai tā jau ir pieņemta.
resolution-title = Atrisinājums
understanding-title = Ko mēs sapratām
understanding-problem = Problēma klienta vārdiem
understanding-nature = Problēmas veids
understanding-responsible = Atbildīgais saskaņā ar līgumu
understanding-note = Līguma punkts un tas, kas komandai jāzina
understanding-save = Saglabāt, ko sapratām
understanding-recorded = Ierakstīja { $name }, { $when }
understanding-saved = Tas, ko sapratām, ir saglabāts.
nature-technical = Ar produktu vai pakalpojumu
nature-personal = Ar to, kā pret klientu izturējās
nature-both = Abi
agreement-propose = Piedāvāt vienošanos
agreement-amend = Piedāvāt grozījumu (jaunu versiju)
agreement-form-intro = Tiek rakstīta klienta valodā un nosūtīta ar saiti, lai to pieņemtu vai pārrunātu; tā redzama arī klienta portālā.
agreement-one-per-line = (pa vienam rindā)
agreement-deadline-label = Izdarīts līdz
agreement-send = Nosūtīt vienošanos
agreement-proposed-notice = Vienošanās nosūtīta klientam.
agreement-answered-notice = Jūsu atbilde ir reģistrēta.
milestone-title = Solis
milestone-owner = Kurš par to atbild
milestone-due = Termiņš
milestone-third-party = Ārējs uzņēmums, kas to dara (ja ir)
milestone-reached-label = Kas izdarīts solī “{ $title }” (klients to lasa)
milestone-reached-submit = Atzīmēt kā sasniegtu un paziņot klientam
milestone-reached-notice = Starpposms sasniegts, un klientam ir paziņots.
resolution-why = Kāpēc tas notika:
resolution-fix = Ko mēs darām, lai to novērstu:
resolution-prevention = Kāpēc tas vairs neatkārtosies:
error-code-boilerplate = Pastāstiet, kas notika tieši šajā lietā: vispārīgas frāzes neko neizskaidro.
error-code-repeats = Šeit teikts tas pats, kas citā daļā: uzrakstiet ko savu.
error-code-after_deadline = Solim jābūt izdarītam līdz vienošanās termiņam.
resolution-form-title = Atrisināt ar skaidrojumu
resolution-form-intro = Klients to saņem savā valodā. Pastāstiet, kas notika šajā lietā: tikai vispārīgas frāzes netiek pieņemtas.
resolution-apology = Atzīstiet sagādātās neērtības
resolution-thanks = Pateicieties klientam
resolution-submit = Nosūtīt skaidrojumu un atrisināt
resolution-sent-notice = Skaidrojums nosūtīts, un lieta ir atrisināta.
standing-counted = Aprēķināts { $when }; pēc minūtes tiek aprēķināts no jauna.
reviews-title = Pārskatāmās līguma izmaiņas
reviews-intro = Klientu līgumu izmaiņas, ko uzskaitīja pieņemtās vienošanās. Ienesiet katru līgumā un atzīmējiet kā izdarītu.
reviews-none = Neviena līguma izmaiņa negaida.
reviews-change = Izmaiņa
reviews-state = Izdarīts?
reviews-done = Ienests līgumā
reviews-listed = Uzskaitīts { $when }
reviews-done-by = Izdarīja { $name }, { $when }

## Aptaujas un pēcpārbaudes politikā (E1, D6)
kind-survey = aptauja
kind-question = jautājums
kind-procedure-or-remedy = procedūra vai kompensācija
policy-survey-without-questions = Aptauja “{ $id }” ir pielāgota, bet neko nejautā: pievienojiet vismaz vienu [[surveys.questions]] ar id un tekstu katrā valodā.
policy-follow-up-anonymous = Pēcpārbaude izmanto aptauju “{ $id }”, kas ir anonīma: pēcpārbaudes atbildei jāspēj atkārtoti atvērt lietu. Norādiet aptauju, kas nav anonīma.
event-milestone_overdue = Posms nokavēts: { $title } (atbildīgais ir informēts)
event-follow_up = Pēcpārbaude nosūtīta ar aptauju “{ $survey }”
event-follow_up-throttled = Pēcpārbaudes aptauja “{ $survey }” netika nosūtīta: šim kontaktam nesen jau tika uzdota cita aptauja
event-survey_answered = Aptauja “{ $survey }” aizpildīta: { $score }
event-survey_answered-negative = Aptauja “{ $survey }” aizpildīta: { $score }, nav apmierināts (lieta atkārtoti atvērta)
notification-milestone-overdue = Posma “{ $level }” termiņš ir pagājis, bet tas nav sasniegts:
notification-negative-feedback = Klients pēcpārbaudes aptaujā atbildēja { $level }, un lieta ir atkārtoti atvērta:

## Aptaujas (E1, D6)
survey-question-csat = Cik apmierināts esat ar to, kā mēs atrisinājām Jūsu lietu?
survey-question-nps = Cik ticams, ka Jūs mūs ieteiktu kolēģim?
survey-question-ces = Manu problēmu bija viegli atrisināt.
survey-scale-csat-low = ļoti neapmierināts
survey-scale-csat-high = ļoti apmierināts
survey-scale-nps-low = nemaz nav ticams
survey-scale-nps-high = ļoti ticams
survey-scale-ces-low = pilnīgi nepiekrītu
survey-scale-ces-high = pilnīgi piekrītu
survey-scale-custom-low = nemaz
survey-scale-custom-high = pilnībā
survey-mail-follow-up = Nesen atrisinājām Jūsu lietu { $number } ({ $subject }). Vēlamies uzzināt, vai tas palīdzēja.
survey-mail-intro = Vēlamies uzzināt Jūsu viedokli. Pietiek ar vienu klikšķi.
survey-mail-click = Noklikšķiniet uz atbilstošās atbildes:
survey-mail-more = { $count ->
    [zero] Pēc tam lapā būs vēl { $count } jautājumi.
    [one] Pēc tam lapā būs vēl { $count } jautājums.
   *[other] Pēc tam lapā būs vēl { $count } jautājumi.
}
survey-mail-web = Varat atbildēt arī šajā lapā un pievienot komentāru:
survey-mail-anonymous = Jūsu atbildes tiek glabātas bez Jūsu vārda.
survey-mail-how-often = Mēs jautājam ne biežāk kā reizi { $days } dienās. Saite darbojas līdz { $date }.
nav-survey-results = Aptauju rezultāti
nav-my-surveys = Aptaujas
survey-page-title = Aptauja
survey-page-case = Par Jūsu lietu { $number }
survey-link-invalid = Šī aptaujas saite nedarbojas: tā ir mainīta vai nepilnīga. Nokopējiet visu saiti no e-pasta vai piesakieties, lai atbildētu uz aptaujām.
survey-link-expired = Šī aptauja ir slēgta: saite darbojās 30 dienas. Tomēr paldies.
survey-already-answered = Uz šo aptauju jau ir atbildēts. Paldies.
survey-thanks = Paldies: Jūsu atbilde ir saglabāta.
survey-thanks-reopened = Paldies, ka pastāstījāt. Mums žēl, ka tas nepalīdzēja: Jūsu lieta ir atkal atvērta, un mēs ar Jums sazināsimies.
survey-comment = Vai vēlaties ko piebilst? (nav obligāti)
survey-anonymous-note = Jūsu atbildes tiek glabātas bez Jūsu vārda.
survey-sending = Sūtām Jūsu atbildi…
survey-send = Nosūtīt atbildi
my-surveys-title = Jūsu aptaujas
my-surveys-empty = Mēs Jums vēl neko neesam jautājuši.
my-surveys-survey = Aptauja
my-surveys-sent = Nosūtīta
my-surveys-state = Atbilde
my-surveys-answered = Atbildēts { $when }
my-surveys-open = Gaida Jūsu atbildi
my-surveys-closed = Slēgta
survey-results-title = Aptauju rezultāti
survey-results-intro = Ko atbildēja klienti, sagrupēts pēc Jūsu izvēles. Vērtējums ir pozitīvo atbilžu daļa; NPS — atbalstītāji mīnus kritiķi.
survey-results-none = Spēkā esošajā politikā nav aptauju. Pievienojiet politikai [[surveys]], lai jautātu klientiem.
survey-results-survey = Aptauja
survey-results-by = Pēc
survey-results-total = Atbildes: { $answers }
survey-results-sent = nosūtītas: { $count }
survey-results-average = vidēji { $value }
survey-results-score = vērtējums { $value }
survey-results-empty = Šajā periodā atbilžu nav.
survey-results-answers = Atbildes
survey-results-col-average = Vidēji
survey-results-col-score = Vērtējums
survey-results-col-negative = Negatīvas
survey-results-unrecorded = Nav reģistrēts (anonīmas vai supervizora sūtītas)
survey-results-questions = Pa jautājumiem
survey-results-comments = Jaunākie komentāri
survey-by-case = Lieta
survey-by-agent = Aģents
survey-by-team = Komanda
survey-by-channel = Kanāls
survey-by-policy_version = Politikas versija
survey-by-week = Nedēļa
survey-send-title = Nosūtīt šo aptauju
survey-send-to = Kontaktiem no
survey-send-everyone = Visas organizācijas
survey-send-submit = Nosūtīt aptauju
survey-send-note = Katrs kontakts to saņem savā valodā. Kontakti, kuriem nesen jau tika uzdota cita aptauja, tiek izlaisti.
survey-send-done = { $count ->
    [zero] Nosūtīta { $count } kontaktiem.
    [one] Nosūtīta { $count } kontaktam.
   *[other] Nosūtīta { $count } kontaktiem.
} { $throttled ->
    [0] {""}
    [one] Viens izlaists: nesen jau jautāts.
   *[other] { $throttled } izlaisti: nesen jau jautāts.
}
feedback-title = Ko klients teica pēc tam
feedback-sent = Pēcpārbaudes aptauja nosūtīta { $when }
feedback-answered = atbilde { $score }, { $when }
feedback-waiting = atbildes vēl nav
agreement-milestone-overdue = nokavēts

## Account, API tokens and users (cutting off access)
my-account-title = Jūsu konts
my-account-password = Mainīt paroli
my-account-password-hint = Mainot paroli, visas pārējās jūsu sesijas citās pārlūkprogrammās un ierīcēs tiek beigtas.
my-account-current-password = Pašreizējā parole
my-account-new-password = Jaunā parole (vismaz 10 rakstzīmes)
my-account-repeat-password = Atkārtojiet jauno paroli
my-account-password-submit = Mainīt paroli
my-account-password-changed = Jūsu parole ir nomainīta. Visas pārējās jūsu sesijas ir beigtas.
my-account-password-mismatch = Abas jaunās paroles atšķiras. Ierakstiet vienu un to pašu paroli divreiz.
token-title = API marķieri
token-intro = Marķieris ļauj programmai izmantot API jūsu vārdā. Tā noslēpums tiek parādīts tikai vienreiz — izveidojot. Atsauciet marķierus, kurus vairs neizmantojat: tie uzreiz pārstāj darboties.
token-none = Nav API marķieru.
token-name = Nosaukums
token-created = Izveidots
token-expires = Derīgs līdz
token-state = Stāvoklis
token-revoke = Atsaukt
token-revoke-named = Atsaukt { $name }
token-revoked-at = Atsaukts { $when }
token-expired = Derīgums beidzies
token-usable = Darbojas
token-never-expires = Bez termiņa
token-created-once = Nokopējiet šo marķieri tagad: tas vairs netiks parādīts.
token-expires-on = Pēdējā diena, kad tas darbojas (nav obligāti)
token-expires-hint = Atstājiet tukšu, ja marķierim jādarbojas, līdz to atsauc.
token-create = Izveidot marķieri
token-expires-invalid = Ierakstiet pēdējo dienu kā datumu, piemēram, 2027-01-31.
token-revoked-notice = Marķieris ir atsaukts. Tas vairs nedarbojas.
users-title = Lietotāji
users-intro = Darbinieku un klientu konti. Deaktivizēts lietotājs nevar pieteikties, un viņa API marķieri tiek noraidīti.
users-search = Vārds vai e-pasta adrese
users-search-submit = Meklēt
users-empty = Neviens lietotājs neatbilst.
users-name = Vārds
users-role = Loma
users-state = Stāvoklis
users-active = Aktīvs
users-deactivated = Deaktivizēts
users-access = Piekļuve
users-deactivate-hint = Deaktivizējot šo personu, visas tās sesijas uzreiz tiek beigtas un tās API marķieri tiek noraidīti, līdz tā tiek aktivizēta no jauna.
users-deactivate = Deaktivizēt
users-reactivate-hint = Šī persona nevar pieteikties. Aktivizējot to no jauna, tā varēs atkal pieteikties; tās marķieri, kas nav atsaukti un kuru derīgums nav beidzies, atkal darbosies.
users-reactivate = Aktivizēt no jauna
users-deactivated-notice = Lietotājs ir deaktivizēts: visas sesijas ir beigtas, un viņa API marķieri tiek noraidīti.
users-reactivated-notice = Lietotājs ir aktivizēts no jauna un var atkal pieteikties.
error-code-wrong_password = Šī nav jūsu pašreizējā parole.
error-code-own_account = Jūs nevarat deaktivizēt savu kontu.
