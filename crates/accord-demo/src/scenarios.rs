//! The demo's case texts, written by us in each language. `{order}`, `{product}` and
//! `{name}` are filled in per case so that search and reporting have variety to work on.

use accord_core::language::Language;

pub struct Scenario {
    pub category: &'static str,
    pub tags: &'static [&'static str],
    pub subject: &'static str,
    pub message: &'static str,
    pub reply: &'static str,
    pub follow_up: &'static str,
    pub note: &'static str,
}

macro_rules! s {
    ($category:literal, [$($tag:literal),*], $subject:literal, $message:literal, $reply:literal, $follow_up:literal, $note:literal) => {
        Scenario { category: $category, tags: &[$($tag),*], subject: $subject, message: $message, reply: $reply, follow_up: $follow_up, note: $note }
    };
}

pub fn for_language(language: Language) -> &'static [Scenario] {
    match language {
        Language::En => EN,
        Language::Es => ES,
        Language::Pt => PT,
        Language::Lv => LV,
    }
}

const EN: &[Scenario] = &[
    s!(
        "billing",
        ["invoice", "double-charge"],
        "Charged twice for order {order}",
        "Hello,\n\nI was charged twice for order {order} on my credit card statement. Could you please refund the duplicate payment?\n\nThanks,\n{name}",
        "Hi {name},\n\nThank you for telling us, and sorry for the trouble. I can see two payments for order {order}. I have asked our billing team to refund the second one; you will hear from me by tomorrow afternoon at the latest.",
        "Thanks. Do you know how many days the refund takes to show on my card?",
        "Payment provider logged a retry after a timeout; second capture should have been voided."
    ),
    s!(
        "delivery",
        ["delivery", "late"],
        "Where is my {product}?",
        "Hi, I ordered a {product} two weeks ago (order {order}) and the tracking page has not changed since Monday. I need it before the weekend.",
        "Hello {name}, I am sorry your {product} is late. The carrier reports a delay at their depot; I have asked them for a delivery date and will update you today.",
        "Any news? It still says 'in transit'.",
        "Carrier depot in Leeds backlogged since Monday. Offer expedited reshipment if no scan by Thursday."
    ),
    s!(
        "access",
        ["login", "password"],
        "Cannot log in to my account",
        "I reset my password three times but the login page keeps saying my password is wrong. I use the email address I registered with.",
        "Hi {name}, thanks for the details. Your account was locked after several attempts; I have unlocked it. Please try again with the most recent reset link.",
        "It works now, thank you!",
        "Lockout threshold triggered by saved old password in the browser."
    ),
    s!(
        "product",
        ["defect", "warranty"],
        "{product} stopped working after a week",
        "My new {product} switches off by itself after a few minutes. I have tried another power socket. This is very disappointing for something so expensive.",
        "Dear {name}, I am sorry your {product} is failing so soon. It is covered by the warranty: we will send a replacement and a prepaid label for the faulty one.",
        "The replacement arrived and works. Please send the return label again, I lost the email.",
        "Batch 24-11 has a known thermal cut-out fault; replace, do not repair."
    ),
    s!(
        "billing",
        ["refund"],
        "Refund for cancelled subscription",
        "I cancelled my subscription on the 3rd but was billed again on the 5th. Please refund the last payment.",
        "Hi {name}, you are right: the cancellation was recorded after the billing run. I have refunded the payment in full; it will appear within 5 working days.",
        "Received, thanks for sorting it out quickly.",
        "Cancellation queue lag again; third case this week."
    ),
    s!(
        "contract",
        ["contract", "upgrade"],
        "Changing our plan to Business",
        "We would like to move from the Team plan to the Business plan from next month. What happens to the unused part of this month?",
        "Hello {name}, happy to help. The unused days are credited pro rata on your next invoice. I have scheduled the change for the 1st; please confirm and I will finalise it.",
        "Confirmed, please go ahead.",
        "Account manager informed; check volume discount eligibility."
    ),
    s!(
        "technical",
        ["performance", "outage"],
        "The dashboard is extremely slow today",
        "Since this morning every page in the dashboard takes more than 30 seconds to load. Our whole team is blocked.",
        "Hi {name}, thank you for reporting this. We are aware of a slowdown in the EU region and engineers are working on it. I will update you within two hours.",
        "It is faster now but reports still time out.",
        "Linked to incident INC-2291 (database failover)."
    ),
    s!(
        "complaint",
        ["complaint", "service"],
        "Nobody answered my last three emails",
        "This is my fourth message about order {order}. Nobody has answered and I am losing patience. I want to speak to a manager.",
        "Dear {name}, I am very sorry that you waited this long without an answer; that is not the service we want to give. I have taken over your case personally and will call you today before 5 pm.",
        "Thank you for calling. I appreciate that you finally listened.",
        "Previous emails were filtered into the spam queue. Supervisor informed."
    ),
    s!(
        "account",
        ["address", "data"],
        "Please update our billing address",
        "Our company has moved. The new billing address is 14 Harbour Street, Bristol BS1 4QA. Please use it from the next invoice.",
        "Hi {name}, done: the next invoice will go to 14 Harbour Street, Bristol. Thank you for letting us know.",
        "Perfect, thanks.",
        "Updated in billing system; VAT number unchanged."
    ),
    s!(
        "product",
        ["question", "feature"],
        "Does the {product} support export to CSV?",
        "Before we buy more licences: can the {product} export reports to CSV or Excel?",
        "Hello {name}, yes: every report has an Export button with CSV and XLSX. I am sending you a link to the guide.",
        "Great, that is what we needed.",
        "Sales lead: 20 more seats possible."
    ),
    s!(
        "delivery",
        ["damaged", "delivery"],
        "Parcel arrived damaged",
        "The box for order {order} was crushed and the {product} inside has a cracked screen. I attached photos.",
        "Hi {name}, I am sorry it arrived like that. We will send a new {product} today by express delivery; you do not need to return the damaged one.",
        "The new one arrived in perfect condition, thanks.",
        "Claim opened with carrier, ref CLM-8812."
    ),
    s!(
        "billing",
        ["invoice"],
        "Need a copy of invoice for {order}",
        "Our accountant needs a PDF copy of the invoice for order {order}, with our VAT number on it.",
        "Hello {name}, I have attached the invoice for order {order} with your VAT number.",
        "Received, thank you.",
        "VAT number was missing on the original; fixed in the customer record."
    ),
];

const ES: &[Scenario] = &[
    s!(
        "billing",
        ["factura", "cobro-doble"],
        "Me han cobrado dos veces el pedido {order}",
        "Hola:\n\nEn el extracto de mi tarjeta aparecen dos cargos por el pedido {order}. ¿Pueden devolverme el cargo duplicado?\n\nGracias,\n{name}",
        "Hola, {name}:\n\nGracias por avisarnos y disculpe las molestias. Veo los dos cobros del pedido {order}. He pedido a facturación que devuelva el segundo; le escribiré como muy tarde mañana por la tarde.",
        "Gracias. ¿Cuántos días tarda en verse la devolución en la tarjeta?",
        "La pasarela de pago reintentó tras un timeout; el segundo cobro debía anularse."
    ),
    s!(
        "delivery",
        ["entrega", "retraso"],
        "¿Dónde está mi {product}?",
        "Buenas, pedí un {product} hace dos semanas (pedido {order}) y el seguimiento no cambia desde el lunes. Lo necesito antes del fin de semana.",
        "Hola, {name}. Siento el retraso de su {product}. La empresa de transporte tiene un retraso en su almacén; les he pedido una fecha de entrega y le informo hoy mismo.",
        "¿Alguna novedad? Sigue poniendo «en tránsito».",
        "Almacén del transportista en Zaragoza saturado. Ofrecer reenvío urgente si no hay escaneo el jueves."
    ),
    s!(
        "access",
        ["acceso", "contraseña"],
        "No puedo entrar en mi cuenta",
        "He restablecido la contraseña tres veces pero la página sigue diciendo que es incorrecta. Uso el correo con el que me registré.",
        "Hola, {name}, gracias por los detalles. Su cuenta se bloqueó tras varios intentos; ya la he desbloqueado. Pruebe de nuevo con el último enlace de restablecimiento.",
        "Ya funciona, ¡muchas gracias!",
        "Bloqueo por contraseña antigua guardada en el navegador."
    ),
    s!(
        "product",
        ["avería", "garantía"],
        "El {product} dejó de funcionar a la semana",
        "Mi {product} nuevo se apaga solo a los pocos minutos. He probado otro enchufe. Es muy decepcionante para algo tan caro.",
        "Estimado/a {name}, lamento que su {product} falle tan pronto. Está en garantía: le enviaremos uno nuevo y una etiqueta prepagada para devolver el defectuoso.",
        "Ha llegado el nuevo y funciona. ¿Me reenvían la etiqueta de devolución? Perdí el correo.",
        "El lote 24-11 tiene un fallo térmico conocido; sustituir, no reparar."
    ),
    s!(
        "billing",
        ["reembolso"],
        "Reembolso de una suscripción cancelada",
        "Cancelé mi suscripción el día 3 pero me volvieron a cobrar el día 5. Por favor, devuélvanme el último pago.",
        "Hola, {name}, tiene razón: la cancelación se registró después del ciclo de facturación. Le he devuelto el pago completo; lo verá en un plazo de 5 días hábiles.",
        "Recibido, gracias por resolverlo tan rápido.",
        "Otra vez retraso en la cola de cancelaciones; tercer caso esta semana."
    ),
    s!(
        "contract",
        ["contrato", "mejora"],
        "Cambio de plan a Empresa",
        "Queremos pasar del plan Equipo al plan Empresa a partir del mes que viene. ¿Qué pasa con la parte no usada de este mes?",
        "Hola, {name}, con mucho gusto. Los días no usados se abonan de forma proporcional en la próxima factura. He programado el cambio para el día 1; confírmeme y lo dejo cerrado.",
        "Confirmado, adelante.",
        "Avisado el gestor de cuenta; revisar descuento por volumen."
    ),
    s!(
        "technical",
        ["rendimiento", "incidencia"],
        "El panel va lentísimo hoy",
        "Desde esta mañana cada página del panel tarda más de 30 segundos en cargar. Todo el equipo está parado.",
        "Hola, {name}, gracias por avisar. Sabemos que hay lentitud en la región europea y el equipo técnico ya está trabajando en ello. Le informo en menos de dos horas.",
        "Ahora va más rápido, pero los informes siguen sin cargar.",
        "Relacionado con la incidencia INC-2291 (conmutación de base de datos)."
    ),
    s!(
        "complaint",
        ["queja", "atención"],
        "Nadie ha contestado mis tres últimos correos",
        "Es mi cuarto mensaje sobre el pedido {order}. Nadie responde y se me está acabando la paciencia. Quiero hablar con un responsable.",
        "Estimado/a {name}, siento mucho que haya esperado tanto sin respuesta; no es el servicio que queremos dar. Me encargo personalmente de su caso y le llamaré hoy antes de las 17:00.",
        "Gracias por la llamada. Se agradece que por fin me escucharan.",
        "Los correos anteriores acabaron en la cola de spam. Supervisora informada."
    ),
    s!(
        "account",
        ["dirección", "datos"],
        "Actualicen nuestra dirección de facturación",
        "Nuestra empresa se ha mudado. La nueva dirección de facturación es Calle Mayor 25, 46001 Valencia. Úsenla a partir de la próxima factura.",
        "Hola, {name}: hecho, la próxima factura irá a Calle Mayor 25, Valencia. Gracias por avisarnos.",
        "Perfecto, gracias.",
        "Actualizado en facturación; el NIF no cambia."
    ),
    s!(
        "product",
        ["consulta", "función"],
        "¿El {product} permite exportar a CSV?",
        "Antes de comprar más licencias: ¿el {product} puede exportar informes a CSV o Excel?",
        "Hola, {name}: sí, cada informe tiene un botón Exportar con CSV y XLSX. Le envío el enlace a la guía.",
        "Estupendo, es justo lo que necesitábamos.",
        "Oportunidad comercial: posibles 20 licencias más."
    ),
    s!(
        "delivery",
        ["dañado", "entrega"],
        "El paquete llegó dañado",
        "La caja del pedido {order} llegó aplastada y el {product} tiene la pantalla rota. Adjunto fotos.",
        "Hola, {name}, siento que llegara así. Hoy le enviamos un {product} nuevo por mensajería urgente; no hace falta que devuelva el dañado.",
        "El nuevo llegó perfecto, gracias.",
        "Reclamación abierta con el transportista, ref. CLM-8812."
    ),
    s!(
        "billing",
        ["factura"],
        "Necesito copia de la factura del pedido {order}",
        "Nuestra gestoría necesita una copia en PDF de la factura del pedido {order}, con nuestro NIF.",
        "Hola, {name}, le adjunto la factura del pedido {order} con su NIF.",
        "Recibida, gracias.",
        "Faltaba el NIF en la ficha del cliente; corregido."
    ),
];

const PT: &[Scenario] = &[
    s!(
        "billing",
        ["fatura", "cobrança-dupla"],
        "Cobrança duplicada da encomenda {order}",
        "Olá,\n\nNo extrato do cartão aparecem duas cobranças da encomenda {order}. Podem devolver a cobrança duplicada?\n\nObrigado,\n{name}",
        "Olá {name},\n\nObrigado por nos avisar e peço desculpa pelo incómodo. Vejo os dois pagamentos da encomenda {order}. Pedi à faturação que devolva o segundo; dou-lhe notícias o mais tardar amanhã à tarde.",
        "Obrigado. Quantos dias demora a devolução a aparecer no cartão?",
        "O gateway de pagamento repetiu após timeout; a segunda captura devia ter sido anulada."
    ),
    s!(
        "delivery",
        ["entrega", "atraso"],
        "Onde está o meu {product}?",
        "Boa tarde, encomendei um {product} há duas semanas (encomenda {order}) e o seguimento não muda desde segunda-feira. Preciso dele antes do fim de semana.",
        "Olá {name}, lamento o atraso do seu {product}. A transportadora tem um atraso no armazém; pedi-lhes uma data de entrega e dou-lhe notícias ainda hoje.",
        "Há novidades? Continua 'em trânsito'.",
        "Armazém da transportadora em Lisboa com atrasos desde segunda. Propor reenvio expresso se não houver leitura até quinta."
    ),
    s!(
        "access",
        ["acesso", "palavra-passe"],
        "Não consigo entrar na minha conta",
        "Redefini a palavra-passe três vezes mas a página continua a dizer que está errada. Uso o e-mail com que me registei.",
        "Olá {name}, obrigado pelos detalhes. A sua conta ficou bloqueada após várias tentativas; já a desbloqueei. Tente de novo com a última ligação de redefinição.",
        "Já funciona, muito obrigado!",
        "Bloqueio causado por palavra-passe antiga guardada no navegador."
    ),
    s!(
        "product",
        ["avaria", "garantia"],
        "O {product} deixou de funcionar ao fim de uma semana",
        "O meu {product} novo desliga-se sozinho passados poucos minutos. Já experimentei outra tomada. É muito dececionante para algo tão caro.",
        "Caro/a {name}, lamento que o seu {product} falhe tão cedo. Está coberto pela garantia: enviamos um novo e uma etiqueta pré-paga para devolver o avariado.",
        "O novo chegou e funciona. Podem reenviar a etiqueta de devolução? Perdi o e-mail.",
        "O lote 24-11 tem uma falha térmica conhecida; substituir, não reparar."
    ),
    s!(
        "billing",
        ["reembolso"],
        "Reembolso de uma assinatura cancelada",
        "Cancelei a assinatura no dia 3 mas voltaram a cobrar no dia 5. Por favor, devolvam o último pagamento.",
        "Olá {name}, tem razão: o cancelamento foi registado depois do ciclo de faturação. Devolvi o pagamento na totalidade; aparece dentro de 5 dias úteis.",
        "Recebido, obrigado por resolverem tão depressa.",
        "Atraso na fila de cancelamentos outra vez; terceiro caso esta semana."
    ),
    s!(
        "contract",
        ["contrato", "alteração"],
        "Mudança para o plano Empresa",
        "Queremos passar do plano Equipa para o plano Empresa a partir do próximo mês. O que acontece à parte não usada deste mês?",
        "Olá {name}, com todo o gosto. Os dias não usados são creditados proporcionalmente na próxima fatura. Agendei a alteração para o dia 1; confirme e fica concluído.",
        "Confirmado, podem avançar.",
        "Gestor de conta informado; verificar desconto de volume."
    ),
    s!(
        "technical",
        ["desempenho", "incidente"],
        "O painel está lentíssimo hoje",
        "Desde esta manhã cada página do painel demora mais de 30 segundos a carregar. A equipa toda está parada.",
        "Olá {name}, obrigado por avisar. Sabemos de uma lentidão na região europeia e a equipa técnica já está a trabalhar nisso. Dou notícias dentro de duas horas.",
        "Agora está mais rápido, mas os relatórios continuam a falhar.",
        "Ligado ao incidente INC-2291 (failover da base de dados)."
    ),
    s!(
        "complaint",
        ["reclamação", "atendimento"],
        "Ninguém respondeu aos meus três últimos e-mails",
        "É a minha quarta mensagem sobre a encomenda {order}. Ninguém responde e estou a perder a paciência. Quero falar com um responsável.",
        "Caro/a {name}, lamento muito que tenha esperado tanto tempo sem resposta; não é esse o serviço que queremos prestar. Fico eu com o seu caso e telefono-lhe hoje antes das 17h.",
        "Obrigado pelo telefonema. Agradeço que finalmente me tenham ouvido.",
        "Os e-mails anteriores foram parar à fila de spam. Supervisora informada."
    ),
    s!(
        "account",
        ["morada", "dados"],
        "Atualizem a nossa morada de faturação",
        "A nossa empresa mudou de instalações. A nova morada de faturação é Rua Augusta 120, 1100-053 Lisboa. Usem-na a partir da próxima fatura.",
        "Olá {name}: feito, a próxima fatura segue para Rua Augusta 120, Lisboa. Obrigado por avisar.",
        "Perfeito, obrigado.",
        "Atualizado na faturação; NIF sem alterações."
    ),
    s!(
        "product",
        ["pergunta", "funcionalidade"],
        "O {product} exporta para CSV?",
        "Antes de comprarmos mais licenças: o {product} consegue exportar relatórios para CSV ou Excel?",
        "Olá {name}: sim, cada relatório tem um botão Exportar com CSV e XLSX. Envio-lhe a ligação para o guia.",
        "Ótimo, era isso que precisávamos.",
        "Oportunidade comercial: possivelmente mais 20 licenças."
    ),
    s!(
        "delivery",
        ["danificado", "entrega"],
        "A encomenda chegou danificada",
        "A caixa da encomenda {order} chegou amassada e o {product} tem o ecrã partido. Envio fotografias em anexo.",
        "Olá {name}, lamento que tenha chegado assim. Enviamos hoje um {product} novo por correio expresso; não precisa de devolver o danificado.",
        "O novo chegou em perfeito estado, obrigado.",
        "Reclamação aberta junto da transportadora, ref. CLM-8812."
    ),
    s!(
        "billing",
        ["fatura"],
        "Preciso de uma cópia da fatura da encomenda {order}",
        "O nosso contabilista precisa de uma cópia em PDF da fatura da encomenda {order}, com o nosso NIF.",
        "Olá {name}, segue em anexo a fatura da encomenda {order} com o vosso NIF.",
        "Recebida, obrigado.",
        "Faltava o NIF na ficha do cliente; corrigido."
    ),
];

const LV: &[Scenario] = &[
    s!(
        "billing",
        ["rēķins", "dubults-maksājums"],
        "Par pasūtījumu {order} nauda noņemta divreiz",
        "Labdien!\n\nKartes izrakstā redzu divus maksājumus par pasūtījumu {order}. Lūdzu, atmaksājiet lieko maksājumu.\n\nAr cieņu,\n{name}",
        "Labdien, {name}!\n\nPaldies, ka informējāt, un atvainojamies par neērtībām. Redzu divus maksājumus par pasūtījumu {order}. Esmu lūdzis grāmatvedībai atmaksāt otro; ziņošu vēlākais rīt pēcpusdienā.",
        "Paldies. Cik dienās atmaksa parādīsies kartē?",
        "Maksājumu vārteja pēc noildzes mēģināja vēlreiz; otrajam maksājumam bija jābūt atceltam."
    ),
    s!(
        "delivery",
        ["piegāde", "kavējums"],
        "Kur ir mans {product}?",
        "Labdien, pirms divām nedēļām pasūtīju {product} (pasūtījums {order}), bet sūtījuma izsekošana nav mainījusies kopš pirmdienas. Man tas vajadzīgs līdz nedēļas nogalei.",
        "Labdien, {name}! Atvainojiet, ka {product} kavējas. Pārvadātāja noliktavā ir aizkavēšanās; esmu lūdzis piegādes datumu un šodien jums ziņošu.",
        "Vai ir kādas ziņas? Joprojām rāda 'ceļā'.",
        "Pārvadātāja noliktava Rīgā pārslogota kopš pirmdienas. Ja līdz ceturtdienai nav skenējuma, piedāvāt ātro atkārtoto sūtījumu."
    ),
    s!(
        "access",
        ["pieteikšanās", "parole"],
        "Nevaru pieteikties savā kontā",
        "Trīs reizes atjaunoju paroli, bet lapa joprojām saka, ka parole ir nepareiza. Izmantoju e-pastu, ar kuru reģistrējos.",
        "Labdien, {name}, paldies par informāciju. Jūsu konts pēc vairākiem mēģinājumiem tika bloķēts; esmu to atbloķējis. Lūdzu, mēģiniet vēlreiz ar jaunāko atjaunošanas saiti.",
        "Tagad darbojas, liels paldies!",
        "Bloķēšanu izraisīja pārlūkā saglabātā vecā parole."
    ),
    s!(
        "product",
        ["bojājums", "garantija"],
        "{product} pārstāja darboties pēc nedēļas",
        "Mans jaunais {product} pēc dažām minūtēm pats izslēdzas. Izmēģināju citu kontaktligzdu. Tik dārgai lietai tas ir ļoti vilšus.",
        "Cienījamais(-ā) {name}, žēl, ka {product} tik ātri sabojājies. Tas ir garantijā: nosūtīsim jaunu un apmaksātu uzlīmi bojātā atgriešanai.",
        "Jaunais ieradās un darbojas. Lūdzu, atsūtiet atgriešanas uzlīmi vēlreiz, pazaudēju e-pastu.",
        "Partijai 24-11 ir zināms termiskās aizsardzības defekts; mainīt, nevis remontēt."
    ),
    s!(
        "billing",
        ["atmaksa"],
        "Atmaksa par atceltu abonementu",
        "Atcēlu abonementu 3. datumā, bet 5. datumā man atkal noņēma naudu. Lūdzu, atmaksājiet pēdējo maksājumu.",
        "Labdien, {name}, jums taisnība: atcelšana tika reģistrēta pēc rēķinu sagatavošanas. Esmu atmaksājis visu summu; tā parādīsies 5 darba dienu laikā.",
        "Saņēmu, paldies, ka ātri atrisinājāt.",
        "Atkal kavējas atcelšanas rinda; trešā lieta šonedēļ."
    ),
    s!(
        "contract",
        ["līgums", "plāns"],
        "Pāreja uz plānu Uzņēmums",
        "No nākamā mēneša vēlamies pāriet no plāna Komanda uz plānu Uzņēmums. Kas notiks ar šī mēneša neizmantoto daļu?",
        "Labdien, {name}, labprāt palīdzēšu. Neizmantotās dienas proporcionāli ieskaitīsim nākamajā rēķinā. Maiņu ieplānoju ar 1. datumu; lūdzu, apstipriniet, un es to pabeigšu.",
        "Apstiprinu, lūdzu, turpiniet.",
        "Konta vadītājs informēts; pārbaudīt apjoma atlaidi."
    ),
    s!(
        "technical",
        ["ātrdarbība", "traucējums"],
        "Vadības panelis šodien ir ļoti lēns",
        "Kopš šī rīta katra paneļa lapa ielādējas ilgāk par 30 sekundēm. Visa komanda nevar strādāt.",
        "Labdien, {name}, paldies, ka ziņojāt. Mēs zinām par palēninājumu Eiropas reģionā, un inženieri pie tā strādā. Ziņošu divu stundu laikā.",
        "Tagad ir ātrāk, bet atskaites joprojām neielādējas.",
        "Saistīts ar traucējumu INC-2291 (datubāzes pārslēgšana)."
    ),
    s!(
        "complaint",
        ["sūdzība", "apkalpošana"],
        "Uz maniem trim pēdējiem e-pastiem neviens neatbildēja",
        "Šī ir mana ceturtā ziņa par pasūtījumu {order}. Neviens neatbild, un man beidzas pacietība. Vēlos runāt ar vadītāju.",
        "Cienījamais(-ā) {name}, ļoti atvainojos, ka tik ilgi gaidījāt bez atbildes; tāds nav mūsu apkalpošanas līmenis. Jūsu lietu pārņemu personīgi un šodien līdz plkst. 17 jums piezvanīšu.",
        "Paldies par zvanu. Novērtēju, ka beidzot mani uzklausījāt.",
        "Iepriekšējie e-pasti nonāca surogātpasta rindā. Vadītāja informēta."
    ),
    s!(
        "account",
        ["adrese", "dati"],
        "Lūdzu, atjauniniet mūsu rēķinu adresi",
        "Mūsu uzņēmums ir pārcēlies. Jaunā rēķinu adrese ir Brīvības iela 55, Rīga, LV-1010. Lūdzu, izmantojiet to no nākamā rēķina.",
        "Labdien, {name}: izdarīts, nākamais rēķins tiks sūtīts uz Brīvības ielu 55, Rīgā. Paldies, ka paziņojāt.",
        "Lieliski, paldies.",
        "Atjaunināts norēķinu sistēmā; PVN numurs nemainās."
    ),
    s!(
        "product",
        ["jautājums", "funkcija"],
        "Vai {product} var eksportēt uz CSV?",
        "Pirms pērkam vairāk licenču: vai {product} var eksportēt atskaites uz CSV vai Excel?",
        "Labdien, {name}: jā, katrai atskaitei ir poga Eksportēt ar CSV un XLSX. Nosūtu saiti uz pamācību.",
        "Lieliski, tieši to mums vajadzēja.",
        "Pārdošanas iespēja: iespējamas vēl 20 licences."
    ),
    s!(
        "delivery",
        ["bojāts", "piegāde"],
        "Sūtījums pienāca bojāts",
        "Pasūtījuma {order} kaste bija saspiesta, un {product} ekrāns ir ieplaisājis. Pielieku fotoattēlus.",
        "Labdien, {name}, žēl, ka tā notika. Šodien ar kurjeru nosūtīsim jaunu {product}; bojāto nav jāatgriež.",
        "Jaunais pienāca nevainojamā stāvoklī, paldies.",
        "Pretenzija pārvadātājam atvērta, nr. CLM-8812."
    ),
    s!(
        "billing",
        ["rēķins"],
        "Vajadzīga pasūtījuma {order} rēķina kopija",
        "Mūsu grāmatvedim vajadzīga pasūtījuma {order} rēķina PDF kopija ar mūsu PVN numuru.",
        "Labdien, {name}, pielikumā pasūtījuma {order} rēķins ar jūsu PVN numuru.",
        "Saņēmu, paldies.",
        "Klienta kartītē trūka PVN numura; izlabots."
    ),
];

pub const PRODUCTS: [&str; 8] = [
    "Aurora X2 router",
    "Nimbus 14 laptop",
    "Vela smart thermostat",
    "Orbit label printer",
    "Atlas CRM",
    "Kvarcs POS terminal",
    "Brisa coffee machine",
    "Lince security camera",
];
