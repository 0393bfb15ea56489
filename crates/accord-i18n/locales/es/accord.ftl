## Shared
app-name = Accord
app-tagline = Atención al cliente guiada por su política de servicio
skip-to-content = Saltar al contenido
language = Idioma
change-language = Cambiar idioma
signed-in-as = Sesión iniciada como { $name }
sign-out = Cerrar sesión
nav-inbox = Bandeja de entrada
nav-api = Referencia de la API
date-format = %-d/%m/%Y %H:%M
none = ninguno
save = Guardar
cancel = Cancelar
unassigned = Sin asignar
yes = sí
no = no

## Sign-in
login-title = Iniciar sesión
login-email = Correo electrónico
login-password = Contraseña
login-submit = Entrar
login-failed = Correo electrónico o contraseña incorrectos.
login-rate-limited = Demasiados intentos. Espere un minuto y vuelva a intentarlo.
login-demo-hint = El comando accord demo muestra los usuarios de demostración.

## Inbox
inbox-title = Bandeja de entrada
inbox-view-mine = Mis casos
inbox-view-team = Mis equipos
inbox-view-unassigned = Sin asignar
inbox-view-open = Todos los abiertos
inbox-view-all = Todos
inbox-filter-status = Estado
inbox-filter-any-status = Cualquier estado
inbox-filter-apply = Filtrar
inbox-count = { $count ->
    [0] Ningún caso
    [one] { $count } caso
   *[other] { $count } casos
}
inbox-empty = Ningún caso coincide con esta vista.
inbox-next-page = Casos anteriores
col-number = N.º
col-subject = Asunto
col-customer = Cliente
col-organization = Organización
col-status = Estado
col-priority = Prioridad
col-assignee = Responsable
col-updated = Actualizado
col-channel = Canal
col-language = Idioma

## Case
case-title = Caso { $number }: { $subject }
case-conversation = Conversación
case-no-entries = Todavía no hay mensajes.
case-reply = Responder al cliente
case-reply-submit = Enviar respuesta
reply-template = Empezar con una plantilla
reply-template-use = Usar plantilla
reply-preview = Vista previa
reply-preview-title = Vista previa: lo que leerá el cliente
guidance-title = La política para este caso
guidance-procedure = Cómo tratamos este caso
guidance-language = En { $language }, el idioma del caso · versión { $version } de la política
guidance-insert = Insertar en la respuesta
guidance-alternatives = También a disposición de este cliente
guidance-why = Por qué lo hacemos así
case-note = Nota interna
case-note-submit = Añadir nota
case-note-hint = Solo el personal ve las notas.
case-consult = Consultar a un departamento
case-consult-department = Departamento
case-consult-question = Pregunta
case-consult-submit = Preguntar
case-consult-answer = Responder a esta consulta
case-consult-answer-submit = Enviar respuesta
case-properties = Detalles
case-status = Estado
case-priority = Prioridad
case-team = Equipo
case-assignee = Responsable
case-assign-to-me = Asignármelo
case-reason = Motivo del cambio (opcional)
case-save = Guardar cambios
case-saved = Cambios guardados.
case-nothing-changed = No se cambió nada.
case-tags = Etiquetas
case-category = Categoría
case-channel = Canal
case-language = Idioma
case-created = Abierto
case-links = Casos vinculados
case-history = Historial
case-entry-inbound = { $name } escribió
case-entry-outbound = { $name } respondió
case-entry-note = Nota interna de { $name }
case-entry-consult-question = { $name } consultó a { $department }
case-entry-consult-answer = { $name } respondió
case-entry-posted = Guardado.
link-duplicate_of = duplicado de
link-related = relacionado con
link-merged_into = fusionado en
link-incoming-duplicate_of = tiene un duplicado
link-incoming-related = relacionado con
link-incoming-merged_into = recibió la fusión de
event-by = por { $name }
event-created = Caso abierto
event-status = Estado: { $from } → { $to }
event-priority = Prioridad: { $from } → { $to }
event-assignee = Cambio de responsable
event-team = Cambio de equipo
event-subject = Cambio de asunto
event-category = Cambio de categoría
event-language = Idioma: { $from } → { $to }
event-tag_added = Etiqueta añadida: { $tag }
event-tag_removed = Etiqueta quitada: { $tag }
event-custom_field = Campo { $key } modificado
event-linked = Vinculado a otro caso
event-unlinked = Vínculo eliminado
event-entry_added = { $kind } añadido

## Account panel
account-title = Cuenta
account-contact = Cliente
account-identities = Datos de contacto
account-preferred-language = Idioma preferido
account-organization = Organización
account-no-organization = Este cliente no pertenece a ninguna organización.
account-tier = Nivel
account-revenue = Facturación anual
account-customer-since = Cliente desde
account-manager = Gestor de cuenta
account-billing = Facturación y contrato
account-contract = Contrato
account-promises = Prometido en la venta
account-no-promises = No hay promesas registradas.
account-responsibilities = Quién es responsable de qué
account-no-responsibilities = No hay responsabilidades registradas.
account-other-cases = Otros casos de esta cuenta
account-no-other-cases = No hay otros casos.
account-open-cases = { $count ->
    [0] ningún caso abierto
    [one] { $count } caso abierto
   *[other] { $count } casos abiertos
}

## Values
status-new = Nuevo
status-acknowledged = Acusado recibo
status-investigating = En investigación
status-agreed = Acordado
status-implementing = En ejecución
status-waiting_on_customer = Esperando al cliente
status-waiting_on_third_party = Esperando a un tercero
status-resolved = Resuelto
status-closed = Cerrado
status-reopened = Reabierto
priority-low = Baja
priority-normal = Normal
priority-high = Alta
priority-urgent = Urgente
channel-email = Correo
channel-web = Web
channel-chat = Chat
channel-phone = Teléfono
channel-social = Redes sociales
channel-api = API
entry-inbound = Mensaje del cliente
entry-outbound = Respuesta
entry-note = Nota
entry-consult_question = Consulta
entry-consult_answer = Respuesta a consulta
tier-standard = Estándar
tier-silver = Plata
tier-gold = Oro
tier-platinum = Platino
party-company = Nosotros
party-customer = El cliente
party-third_party = Un tercero
party-shared = Compartida
expectation-performance = Rendimiento
expectation-delivery = Entrega
expectation-billing = Facturación
expectation-support = Soporte
expectation-other = Otro
role-agent = Agente
role-supervisor = Supervisor
role-admin = Administrador
role-customer = Cliente

## Errors
error-title = Algo salió mal
error-not-found = No encontramos esa página, o no tiene permiso para verla.
error-forbidden = No tiene permiso para hacer eso.
error-csrf = Este formulario caducó o no procede de Accord. Recargue la página e inténtelo de nuevo.
error-nul = La solicitud contiene un carácter NUL (%00), que ningún texto puede contener. Quítelo y vuelva a enviarla.
error-invalid = Corrija lo siguiente:
error-conflict = Entra en conflicto con el estado actual: { $detail }
error-illegal-transition = Un caso no puede pasar de «{ $from }» a «{ $to }».
error-server = Se produjo un error inesperado. Quedó registrado; inténtelo de nuevo.
error-back = Volver a la bandeja de entrada
error-field-required = { $field }: este campo es obligatorio.
error-field-too-long = { $field }: el texto es demasiado largo.
error-field-invalid = { $field }: { $message }
error-code-invalid = Este valor no es válido.
error-code-required = Este campo es obligatorio.
error-code-too_long = Este texto es demasiado largo.
error-code-too_short = Este texto es demasiado corto.
error-code-control_characters = Quite los caracteres de control de este texto.
error-code-invalid_email = Escriba una dirección de correo como nombre@ejemplo.com.
error-code-invalid_tag = Las etiquetas llevan minúsculas, cifras, «-» o «_».
error-code-unknown_team = Ese equipo ya no existe.
error-code-unknown_agent = A esa persona no se le pueden asignar casos.
error-code-unknown_contact = Ese cliente no existe.
error-code-unknown_question = Esa pregunta no pertenece a este caso.
error-code-not_allowed = Este campo no se puede usar aquí.
error-code-too_many = Hay demasiados elementos.
error-code-conflict = Otra persona lo cambió al mismo tiempo. Recargue e inténtelo de nuevo.

## Policy check (accord policy check, the policy editor)
policy-severity-error = error
policy-severity-warning = aviso
policy-check-summary = { $errors ->
    [one] 1 error
   *[other] { $errors } errores
}, { $warnings ->
    [one] 1 aviso
   *[other] { $warnings } avisos
}
policy-check-cannot-read = No se puede leer { $file }: { $detail }
policy-syntax = No es un archivo de política válido: { $detail }
policy-invalid-value = { $field }: «{ $value }» no es válido aquí. Se espera { $expected }.
policy-condition = { $field }: { $problem ->
    [syntax] no se puede leer la condición ({ $subject }).
    [unknown-field] no existe el campo «{ $subject }». Campos: { $expected }.
    [unknown-value] «{ $subject }» no es un valor posible. Use uno de: { $expected }.
    [not-ordered] { $subject } no tiene orden; compárelo con { $expected }.
    [wrong-type] «{ $subject }» tiene un tipo incorrecto; se espera { $expected }.
    [tags-membership] para preguntar por una etiqueta, escriba { $expected }.
    [empty-list] una lista vacía nunca coincide; indique { $expected }.
    [not-a-value] «{ $subject }» no es un valor; se espera { $expected }.
    [not-a-condition] «{ $subject }» no es una condición; escriba { $expected }.
   *[unsupported] «{ $subject }» no se admite en condiciones; use { $expected }.
}
policy-missing-translation = { $field } no tiene texto en «{ $language }», un idioma obligatorio de esta política.
policy-duplicate-id = El id «{ $id }» ({ $kind }) se usa dos veces; los ids deben ser únicos.
policy-unknown-reference = Ningún elemento de tipo «{ $kind }» tiene el id «{ $id }».
policy-calendar = Calendario «{ $id }»: { $detail }
policy-remedy-without-limits = La compensación «{ $id }» no tiene límites: indique cuánto puede conceder cada rol, p. ej. limits = { "{" } agent = 50, supervisor = 500 { "}" }.
policy-contradicting-procedures = Los procedimientos «{ $other }» y «{ $id }» se aplican a los mismos casos de { $channel } con estándares distintos. Dé a uno de ellos otro «when».
policy-procedure-shadowed = El procedimiento «{ $id }» nunca se aplica: «{ $other }», antes en el archivo, ya rige todos los casos de { $channel }. Muévalo antes de «{ $other }» o dé una condición a «{ $other }».
policy-never-matches = La condición de «{ $id }» nunca puede cumplirse.
policy-standard-slower-than-objective = El procedimiento «{ $id }» permite { $value } para { $standard }, más lento que el objetivo de { $target } de «{ $objective }», al que sirve.
policy-escalation-never-fires = El nivel de escalado «{ $id }» nunca puede activarse: { $reason ->
    [no-clock] ningún procedimiento define el reloj que vigila.
    [offset-too-large] se activaría antes de que empiece el reloj, en todos los procedimientos.
    [no-tiers] no indica ningún nivel de cuenta.
   *[never-matches] su condición nunca puede cumplirse.
}
policy-hard-to-read = { $field } ({ $language }) es difícil de leer: { $formula } da { $score } y la política pide { $threshold }. Use frases más cortas y palabras de uso diario.
policy-hard-to-read-also = { $field } ({ $language }) es difícil de leer: { $formula } da { $score } ({ $also_formula }: { $also_score }) y la política pide { $threshold }. Use frases más cortas y palabras de uso diario.
policy-jargon = { $field } ({ $language }) usa jerga: { $terms }.
policy-long-sentences = { $field } ({ $language }): las frases { $sentences } tienen más de { $limit } palabras.
policy-template-placeholder = { $field } ({ $language }) usa «{ $placeholder }», que no es un marcador. Use { $known }, o escriba {"{{"} y {"}}"} para una llave.
policy-template-unclosed = { $field } ({ $language }) abre una llave que nunca se cierra. Ciérrela, como en {"{"}customer{"}"}, o escriba {"{{"} para una llave.
policy-review-due = Esta política debía revisarse el { $date }.

## Policy pages
nav-policy = Política
policy-title = Política de servicio
policy-versions = Versiones de la política de servicio
policy-col-number = Versión
policy-col-name = Nombre
policy-col-status = Estado
policy-col-effective = En vigor desde
policy-status-draft = Borrador
policy-status-published = Publicada
policy-in-force = en vigor
policy-new-draft = Nuevo borrador
policy-none = Todavía no hay ninguna versión de la política de servicio.
policy-acknowledge = He leído esta versión y su resumen
policy-acknowledged-at = Confirmó la lectura de esta versión el { $date }.
policy-acknowledged-notice = Gracias: hemos registrado su confirmación.
policy-briefing = Qué cambia y por qué
policy-source = Documento de la política (TOML)
policy-texts-title = Lo que leen los clientes
policy-texts-intro = Cada explicación y plantilla de respuesta, en cada idioma, con su puntuación de legibilidad. Las puntuaciones se actualizan mientras escribe; al guardar, los textos se escriben en el archivo de la política de abajo.
policy-texts-save = Guardar los textos
policy-texts-unreadable = No se pudieron escribir los textos en el archivo de la política ({ $detail }). Corrija antes el archivo de abajo.
policy-text-score = { $formula }: { $score } (la política pide { $threshold })
policy-text-score-free = { $formula }: { $score }
policy-text-score-also = { $formula }: { $score } (la política pide { $threshold }); { $also_formula }: { $also_score }
policy-text-score-free-also = { $formula }: { $score }; { $also_formula }: { $also_score }
policy-text-empty = Vacío: este idioma también necesita el texto.
policy-text-hard = Más difícil de leer de lo que permite la política: use frases más cortas y palabras corrientes.
policy-text-long = Las frases { $sentences } tienen más de { $limit } palabras.
policy-text-jargon = Jerga: { $terms }.
policy-save = Guardar y revisar
policy-saved = Guardado.
policy-check-clean = La revisión no encontró problemas.
policy-findings = Lo que encontró la revisión
policy-publish = Publicar
policy-effective-at = En vigor desde
policy-publish-hint = Los casos abiertos pasan a esta versión en esa fecha. Para publicar, la revisión no debe tener errores.
policy-published-notice = Publicada. Se pide al equipo que confirme la lectura de esta versión.
policy-ack-title = Confirmaciones de lectura
policy-ack-missing = todavía no
policy-ack-count = { $done } de { $total } personas del equipo han confirmado esta versión.
policy-grace-row = { $organization } sigue con la versión anterior hasta el { $date }.
policy-published-readonly = Una versión publicada no cambia nunca. Para cambiarla, cree un borrador nuevo.
policy-place = línea { $line }, columna { $column }
error-code-policy_has_errors = La política tiene errores. Corríjalos antes de publicar.
error-code-in_the_past = Elija una fecha a partir de ahora.
error-code-unknown_organization = Esa organización no existe.
case-policy-version = Versión de la política de servicio

## Relojes y escalado (PRODUCT.md C1, C2)
clocks-title = Relojes
clock-first_response = Primera respuesta
clock-next_update = Próxima actualización prometida
clock-resolution = Resolución
clock-milestone = Hito
clock-state-running = En marcha
clock-state-paused = En pausa
clock-state-met = Cumplido
clock-state-breached = Incumplido
clock-left = quedan { $left } de tiempo laborable
clock-due = Vence { $due }
clock-paused = En pausa desde { $at }, mientras esperamos al cliente
clock-met-in-time = Cumplido { $at }, a tiempo
clock-met-late = Cumplido { $at }, con retraso
clock-overdue = Vencía { $due }
clock-target = Objetivo { $target } de tiempo laborable; usado { $elapsed }
event-clock_breached = Objetivo incumplido: { $clock }
event-escalated = Escalado: { $level }
nav-breaching = A punto de vencer
breaching-title = A punto de vencer
breaching-intro = Relojes en marcha de casos abiertos que ya superaron su objetivo o vencen dentro del periodo, primero los más urgentes.
breaching-window = Mirar hacia delante
breaching-hours = { $hours ->
    [one] { $hours } hora
   *[other] { $hours } horas
}
breaching-show = Mostrar
breaching-empty = Ningún reloj vence en este periodo.
breaching-case = Caso
breaching-clock = Reloj
breaching-due = Vence
breaching-state = Estado
breaching-overdue = Vencido
breaching-soon = Vence pronto

## Compensaciones, aprobaciones y registro de concesiones (PRODUCT.md B5, D5)
nav-approvals = Aprobaciones
remedies-title = Compensaciones
remedies-none = Todavía no se ha dado ni pedido ninguna compensación en este caso.
remedies-remedy = Compensación
remedies-amount = Importe
remedies-reason = Qué le salió mal al cliente
remedies-submit = Dar o pedir aprobación
remedies-limit = { $name } (puede dar hasta { $limit } { $unit } sin aprobación)
remedies-no-limit = { $name } (cualquier importe necesita aprobación)
remedies-row = { $remedy }: { $amount } { $unit }
remedies-requested-by = Pedida por { $name }, { $at }
remedy-status-granted = Dada
remedy-status-pending = Pendiente de aprobación por: { $role }
remedy-status-approved = Aprobada y dada
remedy-status-rejected = Denegada
remedy-status-granted-short = dada
remedy-status-pending-short = pendiente de aprobación
remedy-status-approved-short = aprobada
remedy-status-rejected-short = denegada
event-remedy = Compensación { $remedy }: { $amount } { $unit }, { $status }
ledger-title = Registro de concesiones
ledger-empty = Todavía no se ha dado nada a esta cuenta.
ledger-total = Dado hasta ahora: { $amounts }
ledger-growing = Cada concesión es mayor que la anterior: { $amounts } { $unit }. Compruebe que siguen justificadas.
ledger-repeated = El caso { $number } recibió { $unit } { $count } veces, { $total } { $unit } en total. Cada parte de una misma concesión puede quedar por debajo de un límite: compruebe que el conjunto está justificado.
ledger-refusals = { $count ->
    [one] { $count } solicitud denegada seguida.
   *[other] { $count } solicitudes denegadas seguidas. Puede que el cliente esté a punto de irse.
}
approvals-title = Aprobaciones
approvals-intro = Compensaciones por encima del límite de quien las pide que su propio límite cubre. Para denegar hace falta una nota que el agente pueda transmitir.
approvals-none = No hay nada pendiente de su aprobación.
approvals-case = Caso
approvals-note = Nota (obligatoria para denegar)
approvals-approve = Aprobar
approvals-refuse = Denegar
approvals-done = Decisión guardada.
error-code-not_offered = La política de servicio no ofrece esta compensación en este caso.
error-code-above_every_limit = Ningún rol puede conceder tanto. Reduzca el importe.
error-code-no_policy = Ninguna política de servicio publicada rige todavía este caso.
error-code-not_positive = Indique un importe mayor que cero.
error-code-not_whole = Indique un número entero: los artículos y los días no se pueden dividir.
error-code-too_precise = Indique el importe en céntimos enteros (o en la unidad más pequeña de la moneda), sin fracciones.
error-limit-too_precise = Indique el importe en la unidad más pequeña de la moneda (céntimos en el euro): como máximo { $limit } decimales y al menos una de esas unidades.
error-code-case_total_above_every_limit = Con lo que este caso ya ha recibido o tiene pendiente de aprobación, ningún rol puede conceder tanto de esta compensación. Reduzca el importe: la tarjeta de compensaciones muestra el total hasta ahora.
error-code-customer_total_above_every_limit = Con lo que este cliente ya ha recibido o tiene pendiente de esta compensación en el periodo de la política, en cualquier caso, ningún rol puede conceder tanto. Reduzca el importe.

## Acknowledgement of a new case (A4): sent to the customer
ack-greeting = Hola, { $name }:
ack-important = Gracias por escribirnos. Su mensaje es importante para nosotros y ya estamos trabajando en él (caso { $number }: «{ $subject }»).
ack-promise = Volveremos a escribirle a más tardar el { $when } ({ $zone }), aunque todavía sigamos trabajando en ello.
ack-no-promise = Le mantendremos informado en cada paso.
ack-signoff = Un cordial saludo,
    el equipo de atención al cliente
## Acknowledgement on the case page and its errors
ack-title = Acuse de recibo
ack-send = Enviar el acuse de recibo
ack-sent = Acuse de recibo enviado.
ack-preview = Lo que recibirá el cliente:
ack-already = Este caso ya tiene acuse de recibo o respuesta.

## Notificaciones
nav-notifications = Notificaciones
nav-unread = { $count ->
    [one] { $count } sin leer
   *[other] { $count } sin leer
}
notifications-title = Notificaciones
notifications-intro = Lo que la cadena de escalado y las revisiones de la política le piden. Las más recientes primero.
notifications-show-all = Mostrar también las leídas
notifications-show-unread = Mostrar solo las no leídas
notifications-empty = No hay nada nuevo para usted.
notifications-read-all = Marcar todas como leídas
notifications-mark-read = Marcar como leída
notification-escalation = El escalado «{ $level }» le pide revisar este caso:
notification-assigned = El escalado «{ $level }» le ha asignado este caso:
notification-policy-review = Esta versión de la política debe revisarse el { $date }:
notification-version = versión { $number }

## Política: periodos de gracia y cambios entre versiones
policy-effective-invalid = Indique la fecha y hora de entrada en vigor.
policy-grace-legend = Periodos de gracia (opcional)
policy-grace-hint = Estos clientes siguen con la versión vigente hasta la fecha que indique, para que tengan tiempo de adaptarse.
policy-grace-organization = Cliente
policy-grace-none = (ninguno)
policy-grace-until = Sigue con la versión actual hasta
policy-grace-invalid = Periodo de gracia { $row }: elija un cliente y una fecha válida.
policy-grace-incomplete = Periodo de gracia { $row }: indique el cliente y la fecha, o ninguno de los dos.
policy-changes = Cambios
policy-changes-since = Cambios desde la versión { $number }
policy-changes-none = El documento de la política es igual que en esa versión.
policy-changes-first = Es la primera versión: no hay nada con qué compararla.
policy-compare-with = Comparar con
policy-compare = Comparar
policy-diff-old = Antes
policy-diff-new = Después
policy-diff-line = Línea

## Calendarios
nav-calendars = Calendarios
calendars-title = Calendarios laborables
calendars-intro = Cuándo trabaja cada equipo, para saber qué significan «4 horas laborables» esta semana. Los calendarios de la
calendar-zone = Zona horaria: { $zone }
calendar-open-now = Abierto ahora
calendar-closed-now = Cerrado ahora
calendar-procedures = Marca los plazos de los procedimientos: { $value }
calendar-week = Cada semana
calendar-ahead = Los próximos 90 días
calendar-ahead-none = No hay festivos, cierres ni horarios especiales en los próximos 90 días.
calendar-closed = Cerrado
calendar-holiday = Festivo: { $name }
calendar-closure = Cerrado
calendar-special = Horario especial: { $value }
weekday-monday = Lunes
weekday-tuesday = Martes
weekday-wednesday = Miércoles
weekday-thursday = Jueves
weekday-friday = Viernes
weekday-saturday = Sábado
weekday-sunday = Domingo

## Qué casos abiertos selecciona una regla
rules-title = Reglas y los casos que seleccionan
rules-intro = Cada regla de la versión vigente que selecciona casos, con su condición. Elija una, o escriba una condición, para ver qué casos abiertos selecciona ahora.
rules-condition = Condición
rules-show = Mostrar los casos
rules-matching-count = { $count ->
    [one] { $count } caso abierto cumple la condición.
   *[other] { $count } casos abiertos cumplen la condición.
}
rules-status = Estado
rules-account = Cuenta
rules-in-force = Reglas de la versión vigente
rules-none = Todavía no hay ninguna versión vigente.
rules-kind = Tipo
rules-id = Regla
rule-kind-procedure = Procedimiento
rule-kind-escalation = Nivel de escalado
rule-kind-remedy = Compensación

## Lo que espera un campo de la política (en los mensajes de la comprobación)
expected-one-or-more = 1 o más
expected-unit = un código de moneda como EUR, o days o items
expected-duration = una duración como "4h"
expected-score = una puntuación de 0 a 1
expected-time-zone = una zona horaria IANA como Europe/Madrid
expected-currency = un código ISO 4217 como EUR
expected-amount = un importe de 0 o más
expected-whole-number = un número entero de 0 o más (los artículos y los días no se pueden dividir)
expected-amount-decimals = un importe de 0 o más con { $low } decimales como máximo
expected-email = una dirección de correo electrónico
expected-action = al menos una acción
expected-languages = al menos uno de en, es, pt, lv
expected-tier = al menos un nivel de cuenta
expected-link = https://… (o +<prefijo del país> <número> para un teléfono)
expected-number-range = un número de { $low } a { $high }
expected-comparison = una comparación como case.channel == "email"
expected-text-or-number = un texto entre comillas o un número
expected-text = un texto entre comillas
expected-value = al menos un valor
kind-alternative = alternativa
kind-escalation-level = nivel de escalado
kind-objective = objetivo
kind-procedure = procedimiento
kind-remedy = compensación
kind-template = plantilla de respuesta
kind-calendar = calendario
expected-team-or-role = o team o role, no los dos

## Email channel
mail-no-subject = (sin asunto)
mail-no-text = (El mensaje no tiene texto. Vea sus archivos adjuntos.)
nav-held-mail = Correo retenido
mail-no-sender = (sin remitente)
mail-attachments = { $count ->
    [one] { $count } archivo adjunto
   *[other] { $count } archivos adjuntos
}
mail-held-title = Correo retenido
mail-held-intro = Accord no archivó estos mensajes por su cuenta. Decida para cada uno: archivarlo en un caso, abrir un caso nuevo o dejarlo aparte. Aquí no se borra nada.
mail-held-empty = Ningún correo espera una decisión.
mail-held-unknown-sender = El remitente no es un contacto de la cuenta de este caso.
mail-held-automatic = Enviado automáticamente (una respuesta automática, un boletín o una lista) y no trata de ningún caso abierto.
mail-held-rate-limited = Este remitente envió más mensajes que el límite en diez minutos.
mail-held-no-sender = El mensaje no indica remitente.
mail-held-unreadable = No se pudo leer el mensaje.
mail-held-candidate = Puede pertenecer al caso
mail-held-case-number = Número de caso
mail-held-file = Archivar en el caso
mail-held-new-case = Abrir un caso nuevo
mail-held-set-aside = Dejar aparte
mail-held-filed-done = El mensaje está ahora en el caso { $number }.
mail-held-set-aside-done = El mensaje quedó aparte.
mail-held-no-case = Ningún caso tiene ese número. Escriba el número de un caso existente.
mail-notes-title = Cómo leyó Accord este correo
mail-auth-failed = La autenticación del remitente falló: puede que este correo no venga de la dirección que muestra (SPF { $spf }, DKIM { $dkim }, DMARC { $dmarc }).
mail-note-not-base64 = Estaba marcado como base64 pero era texto normal; se muestra tal como se escribió.
mail-note-charset-was-utf8 = Estaba marcado como { $detail } pero era UTF-8; se leyó como UTF-8.
mail-note-charset-was-windows-1252 = Estaba marcado como { $detail } pero no lo era; se leyó como Windows-1252 (Europa occidental).
mail-note-charset-unlabelled = No indicaba juego de caracteres y no era UTF-8; se leyó como Windows-1252 (Europa occidental).
mail-note-charset-unknown = Su juego de caracteres { $detail } es desconocido; se leyó como Windows-1252 (Europa occidental).
mail-note-charset-invalid = Algunos caracteres no eran válidos en { $detail } y se muestran como �.
mail-note-nul-removed = Contenía caracteres NUL, que se quitaron del texto; el original los conserva.
mail-note-sender-several-addresses = La línea del remitente tenía más de una dirección ({ $detail }); se tomó la primera.
mail-note-space-before-headers = Empezaba con espacio en blanco antes del primer encabezado, que se omitió.
mail-note-no-blank-line = No tenía una línea en blanco tras los encabezados; el texto empieza en la primera línea que no es un encabezado.
mail-note-no-headers = No tenía ningún encabezado; se muestra entero como texto.
mail-note-text-recovered = Su parte de texto estaba dañada (un tipo de contenido roto o un límite que falta); se recuperó el texto.
mail-note-no-sender = No indica remitente.
mail-note-attachments-over-limit = Tenía más de { $detail } adjuntos; el resto solo está en el mensaje original.
mail-note-not-mail = No es un correo sino un archivo ({ $detail }); se conserva como adjunto.
mail-original-title = Correo tal como se envió
mail-original-back = Volver al caso { $number }
mail-original-link = Ver el correo con su formato original
mail-images-blocked = Las imágenes de internet están bloqueadas: cargarlas diría al remitente que usted leyó el mensaje.
mail-images-show = Mostrar imágenes
mail-images-shown = Se muestran las imágenes de internet.
mail-images-hide = Bloquearlas de nuevo
mail-delivery-queued = Correo pendiente de envío a { $to }.
mail-delivery-sent = Correo enviado a { $to } el { $at }.
mail-delivery-retrying = Correo aún no enviado: falló el intento { $attempts } ({ $error }). Accord lo intentará de nuevo.
mail-delivery-failed = Correo no entregado: { $error }
mail-delivery-bounced = Correo devuelto: { $error }

# Relative times (J8)
relative-now = ahora
relative-minutes-future = { $count ->
    [one] dentro de { $count } minuto
   *[other] dentro de { $count } minutos
}
relative-minutes-past = { $count ->
    [one] hace { $count } minuto
   *[other] hace { $count } minutos
}
relative-hours-future = { $count ->
    [one] dentro de { $count } hora
   *[other] dentro de { $count } horas
}
relative-hours-past = { $count ->
    [one] hace { $count } hora
   *[other] hace { $count } horas
}
relative-days-future = { $count ->
    [one] dentro de { $count } día
   *[other] dentro de { $count } días
}
relative-days-past = { $count ->
    [one] hace { $count } día
   *[other] hace { $count } días
}

# Inbox views, filters, bulk actions, live updates, shortcuts (issue 5)
inbox-views = Vistas de la bandeja
inbox-view-breaching = A punto de incumplir
inbox-view-waiting = Esperando al cliente
inbox-view-approval = Pendientes de aprobación
inbox-filter-priority = Prioridad
inbox-filter-language = Idioma
inbox-filter-channel = Canal
inbox-filter-tag = Etiqueta
inbox-filter-any = Cualquiera
inbox-sort = Orden
inbox-sort-updated = Actualizados recientemente primero
inbox-sort-due = Vencimiento más próximo primero
col-due = Próximo vencimiento
col-select = Seleccionar
inbox-select-case = Seleccionar el caso { $number }
inbox-bulk-legend = Con los casos seleccionados
inbox-bulk-action = Acción
inbox-bulk-assign = Asignar a
inbox-bulk-close = Cerrar
inbox-bulk-assignee = Responsable
inbox-bulk-submit = Aplicar a los seleccionados
inbox-bulk-done = { $count ->
    [one] Se cambió { $count } caso.
   *[other] Se cambiaron { $count } casos.
}
inbox-bulk-failed = { $count ->
    [one] { $count } caso no se pudo cambiar (no se permite desde su estado o no le corresponde cambiarlo).
   *[other] { $count } casos no se pudieron cambiar (no se permite desde su estado o no le corresponde cambiarlos).
}
live-changed = Hay casos que cambiaron desde que se cargó esta página: mostrar lo más reciente
shortcuts-title = Atajos de teclado
shortcuts-move = caso siguiente / anterior de la lista
shortcuts-open = abrir el caso elegido
shortcuts-select = seleccionar el caso elegido para una acción en bloque
shortcuts-reply = escribir una respuesta
shortcuts-note = escribir una nota interna
shortcuts-assign = elegir el responsable
shortcuts-help = mostrar esta ayuda
shortcuts-close = Cerrar

## Portal: a new case (F2)
nav-new-case = Nuevo caso
new-case-title = Abrir un caso nuevo
new-case-intro = Cuéntenos con sus palabras qué ha pasado. Le respondemos en su idioma y le decimos cuándo llegará la próxima actualización.
new-case-trap = Deje este campo vacío
new-case-subject = Asunto
new-case-body = ¿Qué ha pasado?
new-case-files = Archivos (fotos, facturas, documentos)
new-case-files-hint = { $count ->
    [one] Hasta { $count } archivo
   *[other] Hasta { $count } archivos
}, de { $size } MB como máximo cada uno.
new-case-submit = Abrir el caso
new-case-unreadable = No se pudo leer el formulario ({ $detail }). Envíelo de nuevo, por favor.
new-case-refused-honeypot = No se aceptó el formulario. Si es usted una persona, deje vacío el campo oculto y envíelo de nuevo.
new-case-refused-fast = El formulario se envió más rápido de lo que una persona puede rellenarlo. Revíselo y envíelo de nuevo.
new-case-refused-expired = Este formulario ha caducado. Su texto se conserva abajo: envíelo de nuevo, por favor.
new-case-refused-rate = Ha abierto muchos casos en la última hora. Espere un poco o añada la información a uno de sus casos abiertos.
new-case-refused-reused = Este formulario ya se envió con otro contenido, y el caso que abrió sigue ahí. No se abrió nada nuevo: para abrir otro caso, envíe de nuevo el texto de abajo.
new-case-too-many-files = { $count ->
    [one] Un caso puede empezar con { $count } archivo como máximo.
   *[other] Un caso puede empezar con { $count } archivos como máximo.
} Añada los demás al caso cuando esté abierto.
new-case-opened = Su caso está abierto. Le hemos enviado una confirmación.
new-case-opened-files-refused = Su caso está abierto, pero algunos archivos no se aceptaron (demasiado grandes o vacíos). Puede añadirlos desde el caso.

## Supervisor views: escalations and standing against the standards (C2, H2)
nav-escalations = Escalados
nav-standing = Cumplimiento
period = Periodo
period-days = { $days ->
    [one] Último día
   *[other] Últimos { $days } días
}
escalations-title = Escalados
escalations-intro = Cada nivel de la cadena de escalado que se activó en el periodo, del más reciente al más antiguo: qué lo activó, por qué la política escala ahí, qué hizo y quién tiene ahora el caso.
escalations-empty = No se activó ningún escalado en este periodo.
escalations-when = Cuándo
escalations-why = Nivel y motivo
escalations-done = Qué hizo
escalations-holder = Caso ahora con
escalations-unassigned = Nadie todavía
escalation-trigger-before = { $by } antes del objetivo de «{ $clock }»
escalation-trigger-after = { $by } después del objetivo de «{ $clock }»
escalation-trigger-frustration = Nivel de frustración de { $score } o más
escalation-trigger-public-post = Una publicación pública sobre el caso
escalation-trigger-tier = Nivel de la cuenta: { $tiers }
escalation-trigger-manager = El cliente pidió hablar con un responsable
escalation-action-notify = Avisado: { $role }
escalation-action-notify-team = Avisado: { $role } (equipo { $team })
escalation-action-priority = Prioridad elevada a { $priority }
escalation-action-reassign = Reasignado
escalation-action-reassign-role = Reasignado a: { $role }
escalation-action-reassign-team = Reasignado al equipo { $team }
escalation-action-reassign-team-role = Reasignado al equipo { $team } ({ $role })
standing-title = Cumplimiento de los estándares
standing-intro-team = Para cada agente y supervisor: cuántos relojes de los casos que tiene se cumplieron dentro de los objetivos de la política en el periodo, sus casos abiertos y si confirmó la versión de la política en vigor.
standing-intro-own = Cuántos relojes de sus casos se cumplieron dentro de los objetivos de la política en el periodo, sus casos abiertos y si confirmó la versión de la política en vigor.
standing-empty = No hay nadie que mostrar.
standing-person = Persona
standing-policy = Política en vigor confirmada
standing-percent = { $percent } %
standing-none = —
standing-detail = { $met } a tiempo, { $missed } incumplidos, { $running } en curso
standing-open-cases = { $count ->
    [one] { $count } caso abierto
   *[other] { $count } casos abiertos
}
standing-acknowledged-yes = Sí
standing-acknowledged-no = Todavía no
standing-note = Un reloj cuenta para la persona que tiene ahora su caso. Verde: al menos el 90 % cumplido a tiempo.
remedies-authority = Quién decide y hasta cuánto
remedies-authority-own = Usted solo: hasta { $limit } { $unit }
remedies-authority-approver = Lo aprueba: { $role }, hasta { $limit } { $unit }
remedies-authority-beyond = Más de { $limit } { $unit }: no es posible con esta política
remedies-authority-counted = Los límites cuentan el total del caso: hasta ahora, { $amount } { $unit } dados o pendientes de aprobación.
remedies-authority-customer = También cuentan lo que este cliente ha recibido o tiene pendiente, en cualquier caso, { $days ->
    [one] en el último día
   *[other] en los últimos { $days } días
}: { $amount } { $unit } hasta ahora.

## Customer portal: sign-up and sign-in by email link (F2)
portal-link-summary = ¿Sin contraseña? Reciba un enlace de acceso por correo
portal-link-submit = Enviarme un enlace de acceso
portal-signup-link = ¿Es nuevo? Cree una cuenta de cliente
portal-signup-title = Cree su cuenta
portal-signup-intro = Siga sus casos, responda y lea nuestras explicaciones en su idioma. Enviamos un enlace a su dirección para confirmar que es suya.
portal-signup-name = Su nombre
portal-signup-language = Idioma de nuestros mensajes
portal-signup-password = Contraseña (opcional)
portal-signup-password-hint = Al menos 10 caracteres. Sin contraseña, entra con un enlace que le enviamos por correo.
portal-signup-submit = Enviar el enlace de confirmación
portal-have-account = Ya tengo una cuenta: entrar
portal-sent-title = Revise su correo
portal-sent-text = Si la dirección puede usar el portal, ya va de camino un mensaje con un enlace. El enlace sirve una sola vez. ¿No ha llegado? Mire en la carpeta de spam o vuelva a pedirlo en unos minutos.
portal-back-to-login = Volver a la entrada
portal-confirm-title = Entre con su enlace
portal-confirm-text = Pulse el botón para usar su enlace y entrar.
portal-confirm-submit = Entrar
portal-failed-title = Esto no ha funcionado
portal-link-expired = Este enlace ha caducado. Pida uno nuevo en la página de entrada.
portal-link-used = Este enlace ya se usó. Cada enlace sirve una vez: pida uno nuevo en la página de entrada.
portal-link-unknown = Este enlace no es válido. Copie la dirección completa del correo o pida un enlace nuevo en la página de entrada.
portal-mail-greeting = Hola, { $name }:
portal-mail-signin-subject = Su enlace de acceso
portal-mail-signin-body = Siga este enlace para entrar en nuestro portal de clientes. Sirve una vez, durante { $minutes } minutos:
portal-mail-signup-subject = Confirme su dirección
portal-mail-signup-body = Siga este enlace para confirmar su dirección y abrir su cuenta de cliente. Sirve una vez, durante { $minutes } minutos:
portal-mail-exists-subject = Ya tiene una cuenta
portal-mail-exists-body = Alguien pidió crear una cuenta con esta dirección, pero ya tiene una. Siga este enlace para entrar. Sirve una vez, durante { $minutes } minutos:
portal-mail-ignore = Si no lo ha pedido usted, ignore este mensaje: nadie puede usar su cuenta sin el enlace.

## Policy editor: the rules' settings form (B1, B3)
policy-settings-title = Estándares, condiciones y límites
policy-settings-intro = Los estándares de cada procedimiento y los límites de cada remedio, como campos. La comprobación se hace mientras escribe y muestra lo que falla junto al campo; al guardar solo se escribe en el archivo de la política lo que cambió.
policy-settings-save = Guardar los ajustes
policy-settings-unusable = No se pudieron escribir los ajustes en el archivo de la política ({ $detail }). Corrija antes el archivo de abajo.
policy-setting-not-a-number = { $place }: indique un importe de cero o más, como 50 o 12,5.
policy-setting-procedure = Procedimiento «{ $id }»
policy-setting-remedy = Remedio «{ $id }»
policy-setting-first_response = Primera respuesta en
policy-setting-update_every = Informar al cliente como mínimo cada
policy-setting-resolution = Resolver en
policy-setting-calendar = Calendario laboral
policy-setting-when = Se aplica cuando
policy-setting-acknowledge = Acuse de recibo
policy-setting-acknowledge-agent = Lo envía un agente, con un clic
policy-setting-acknowledge-auto = Lo envía Accord al abrirse el caso
policy-setting-limit = Máximo que puede dar solo: { $role }
policy-setting-hint-duration = Tiempo laborable, como 4h, 90m o 1h30m.
policy-setting-hint-condition = Por ejemplo account.tier >= "gold" o case.language == "lv"; vacío: todos los casos.
policy-setting-hint-calendar = El identificador de uno de los calendarios de la política; vacío: el predeterminado.
policy-setting-hint-acknowledge = Quién envía la primera respuesta con la promesa de la próxima actualización.
policy-setting-hint-limit = En la unidad del remedio; vacío: este rol no puede darlo solo.

## Validation problems the forms and the API name (J8)
error-code-invalid_condition = No se puede leer esta condición. Escríbala como account.tier >= "gold".
error-code-invalid_currency = Use un código de moneda de tres letras, como EUR.
error-code-invalid_key = Los nombres son una letra minúscula y luego minúsculas, cifras o «_», hasta 40.
error-code-invalid_number = Indique un número finito.
error-code-negative = Indique cero o más.
error-code-no_sender = El correo no tiene una dirección de remitente a la que responder.
error-code-self_link = Un caso no se puede vincular consigo mismo.
error-code-size = Este archivo está vacío o es demasiado grande.
error-code-taken = Esto ya lo usa otra persona.
error-code-unknown_case = Ese caso no existe.
error-code-unknown_staff = Esa persona no es del personal.
error-code-unknown_version = Esa versión de la política no existe.
error-limit-too_long = Es demasiado largo: use como máximo { $limit } caracteres.
error-limit-too_short = Es demasiado corto: use al menos { $limit } caracteres.
error-limit-too_many = Hay demasiados: como máximo { $limit }.
error-limit-size = Este archivo está vacío o supera los { $limit } bytes.
api-invalid-detail = { $count ->
    [one] La solicitud tiene un problema; vea errors.
   *[other] La solicitud tiene { $count } problemas; vea errors.
}

## Resolving a complaint: agreements and milestones (D1-D3)
agreement-text-intro = Nuestro acuerdo sobre el caso { $number } (versión { $version }): qué haremos y para cuándo.
agreement-problem = El problema:
agreement-outcome = Lo que haremos:
agreement-indicators = Cómo sabremos ambos que está hecho:
agreement-deadline = Hecho para: { $when }
agreement-milestones = Pasos intermedios:
agreement-contract-changes = Cambios en su contrato:
agreement-text-where = Puede aceptarlo, o decirnos que quiere hablarlo, desde el enlace de nuestro correo o en el portal de clientes.
agreement-mail-link = Para aceptarlo, o decirnos que quiere hablarlo, abra este enlace (sirve hasta { $when }):
agreement-mail-reply = También puede responder a este correo con «Acepto».
milestone-update-done = Novedades sobre nuestro acuerdo: «{ $title }» está hecho.
milestone-update-next = Lo siguiente: «{ $title }», para { $when }.
milestone-update-last = Era el último paso; todo lo acordado estará hecho para { $when }.
event-understood = Comprensión del problema registrada
event-agreement_proposed = Acuerdo propuesto
event-agreement_answered = El cliente respondió al acuerdo
event-agreement_email_refused = Un correo que aceptaba la versión { $version } del acuerdo no se tomó como aceptación: { $reason }. Se envió al cliente el enlace para aceptarlo.
agreement-email-refused-not_authenticated = no se pudo autenticar a su remitente (SPF, DKIM, DMARC)
agreement-email-refused-not_a_reply = no respondía al correo del acuerdo
agreement-email-unconfirmed = Recibimos un correo que acepta nuestro acuerdo, pero no pudimos confirmar que lo envió usted. Para aceptarlo, use el enlace de abajo, por favor.
event-milestone_reached = Hito alcanzado
agreement-page-title = Nuestro acuerdo con usted
agreement-page-portal = Entrar en el portal de clientes
agreement-accept = Acepto este acuerdo
agreement-discuss = Prefiero hablarlo antes
agreement-status-proposed = Pendiente de su respuesta
agreement-status-accepted = Aceptado
agreement-status-discussing = Para hablarlo
agreement-status-superseded = Sustituido por una versión más reciente
agreement-milestone-reached = hecho { $when }
agreement-link-invalid = Este enlace no es válido: puede que esté cortado o modificado. Ábralo de nuevo desde nuestro correo o entre en el portal de clientes.
agreement-link-expired = Este enlace ha caducado. Entre en el portal de clientes para ver el acuerdo o responda a nuestro correo.
agreement-accepted-thanks = Gracias. Hemos registrado su aceptación y le informaremos en cada paso.
agreement-discuss-thanks = Gracias. Nos pondremos en contacto con usted para hablarlo.
agreement-answer-conflict = Ya no se puede responder a esta versión: se propuso una más reciente o ya está aceptada.
resolution-title = Resolución
understanding-title = Lo que entendimos
understanding-problem = El problema, con las palabras del cliente
understanding-nature = Tipo de problema
understanding-responsible = Responsable según el contrato
understanding-note = La cláusula del contrato y lo que el equipo debe saber
understanding-save = Guardar lo que entendimos
understanding-recorded = Registrado por { $name }, { $when }
understanding-saved = Lo que entendimos está guardado.
nature-technical = Con el producto o el servicio
nature-personal = Con el trato que recibió el cliente
nature-both = Ambos
agreement-propose = Proponer un acuerdo
agreement-amend = Proponer una modificación (una nueva versión)
agreement-form-intro = Se escribe en el idioma del cliente y se le envía con un enlace para aceptarlo o hablarlo; también aparece en su portal.
agreement-one-per-line = (uno por línea)
agreement-deadline-label = Hecho para
agreement-send = Enviar el acuerdo
agreement-proposed-notice = El acuerdo se envió al cliente.
agreement-answered-notice = Su respuesta está registrada.
milestone-title = Paso
milestone-owner = Quién responde de él
milestone-due = Para
milestone-third-party = Empresa externa que lo hace (si la hay)
milestone-reached-label = Lo que se hizo para «{ $title }» (lo lee el cliente)
milestone-reached-submit = Marcar como alcanzado y avisar al cliente
milestone-reached-notice = El hito está alcanzado y se avisó al cliente.
resolution-why = Por qué ocurrió:
resolution-fix = Qué estamos haciendo para solucionarlo:
resolution-prevention = Por qué no volverá a ocurrir:
error-code-boilerplate = Diga qué pasó en este caso: las frases hechas no explican nada.
error-code-repeats = Esto dice lo mismo que otra parte: diga algo propio.
error-code-after_deadline = Un paso debe estar hecho antes del plazo del acuerdo.
resolution-form-title = Resolver con una explicación
resolution-form-intro = El cliente la recibe en su idioma. Diga qué pasó en este caso: no se aceptan solo frases hechas.
resolution-apology = Reconozca las molestias
resolution-thanks = Dé las gracias al cliente
resolution-submit = Enviar la explicación y resolver
resolution-sent-notice = La explicación se envió y el caso está resuelto.
standing-counted = Calculado { $when }; se vuelve a calcular al cabo de un minuto.
reviews-title = Cambios de contrato por revisar
reviews-intro = Cambios en los contratos de clientes que listaron los acuerdos aceptados. Llévelos al contrato y márquelos como hechos.
reviews-none = No hay ningún cambio de contrato pendiente.
reviews-change = Cambio
reviews-state = ¿Hecho?
reviews-done = Llevado al contrato
reviews-listed = Listado { $when }
reviews-done-by = Hecho por { $name }, { $when }

## Encuestas y seguimientos en la política (E1, D6)
kind-survey = encuesta
kind-question = pregunta
kind-procedure-or-remedy = procedimiento o compensación
policy-survey-without-questions = La encuesta «{ $id }» es personalizada pero no pregunta nada: añada al menos una [[surveys.questions]] con un id y un texto en cada idioma.
policy-follow-up-anonymous = El seguimiento usa la encuesta «{ $id }», que es anónima: la respuesta a un seguimiento debe poder reabrir su caso. Indique una encuesta que no sea anónima.
event-milestone_overdue = Hito vencido: { $title } (se avisó a su responsable)
event-follow_up = Seguimiento enviado con la encuesta «{ $survey }»
event-follow_up-throttled = La encuesta de seguimiento «{ $survey }» no se envió: a este contacto se le preguntó otra encuesta hace poco
event-survey_answered = Encuesta «{ $survey }» respondida: { $score }
event-survey_answered-negative = Encuesta «{ $survey }» respondida: { $score }, no satisfecho (el caso se reabrió)
notification-milestone-overdue = El hito «{ $level }» ha vencido sin alcanzarse:
notification-negative-feedback = El cliente respondió { $level } a la encuesta de seguimiento y el caso se reabrió:

## Encuestas (E1, D6)
survey-question-csat = ¿Qué tan satisfecho está con la forma en que resolvimos su caso?
survey-question-nps = ¿Qué probabilidad hay de que nos recomiende a un colega?
survey-question-ces = Fue fácil resolver mi problema.
survey-scale-csat-low = muy insatisfecho
survey-scale-csat-high = muy satisfecho
survey-scale-nps-low = nada probable
survey-scale-nps-high = muy probable
survey-scale-ces-low = totalmente en desacuerdo
survey-scale-ces-high = totalmente de acuerdo
survey-scale-custom-low = nada
survey-scale-custom-high = totalmente
survey-mail-follow-up = Resolvimos su caso { $number } ({ $subject }) hace poco. Nos gustaría saber si ha funcionado.
survey-mail-intro = Nos gustaría conocer su opinión. Solo necesita un clic.
survey-mail-click = Haga clic en la respuesta que corresponda:
survey-mail-more = { $count ->
    [one] Después, la página le hace una pregunta más.
   *[other] Después, la página le hace { $count } preguntas más.
}
survey-mail-web = También puede responder en esta página y añadir un comentario:
survey-mail-anonymous = Sus respuestas se guardan sin su nombre.
survey-mail-how-often = Le preguntamos como máximo una vez cada { $days } días. El enlace funciona hasta el { $date }.
nav-survey-results = Resultados de encuestas
nav-my-surveys = Encuestas
survey-page-title = Encuesta
survey-page-case = Sobre su caso { $number }
survey-link-invalid = Este enlace de encuesta no funciona: se modificó o está incompleto. Copie el enlace completo del correo o inicie sesión para responder a sus encuestas.
survey-link-expired = Esta encuesta ya está cerrada: su enlace funcionaba durante 30 días. Gracias de todos modos.
survey-already-answered = Esta encuesta ya se respondió. Gracias.
survey-thanks = Gracias: hemos registrado su respuesta.
survey-thanks-reopened = Gracias por decírnoslo. Sentimos que no haya funcionado: su caso está abierto de nuevo y nos pondremos en contacto con usted.
survey-comment = ¿Quiere añadir algo? (opcional)
survey-anonymous-note = Sus respuestas se guardan sin su nombre.
survey-sending = Enviando su respuesta…
survey-send = Enviar mi respuesta
my-surveys-title = Sus encuestas
my-surveys-empty = Todavía no le hemos preguntado nada.
my-surveys-survey = Encuesta
my-surveys-sent = Enviada
my-surveys-state = Respuesta
my-surveys-answered = Respondida el { $when }
my-surveys-open = Pendiente de su respuesta
my-surveys-closed = Cerrada
survey-results-title = Resultados de encuestas
survey-results-intro = Lo que respondieron los clientes, agrupado como elija. La puntuación es el porcentaje de respuestas positivas; en NPS, promotores menos detractores.
survey-results-none = La política en vigor no tiene encuestas. Añada [[surveys]] a la política para preguntar a los clientes.
survey-results-survey = Encuesta
survey-results-by = Por
survey-results-total = Respuestas: { $answers }
survey-results-sent = enviadas: { $count }
survey-results-average = media { $value }
survey-results-score = puntuación { $value }
survey-results-empty = No hay respuestas en este periodo.
survey-results-answers = Respuestas
survey-results-col-average = Media
survey-results-col-score = Puntuación
survey-results-col-negative = Negativas
survey-results-unrecorded = Sin registrar (anónimas o enviadas por un supervisor)
survey-results-questions = Por pregunta
survey-results-comments = Últimos comentarios
survey-by-case = Caso
survey-by-agent = Agente
survey-by-team = Equipo
survey-by-channel = Canal
survey-by-policy_version = Versión de la política
survey-by-week = Semana
survey-send-title = Enviar esta encuesta
survey-send-to = A los contactos de
survey-send-everyone = Todas las organizaciones
survey-send-submit = Enviar la encuesta
survey-send-note = Cada contacto la recibe en su idioma. Se omiten los contactos a los que se preguntó otra encuesta hace poco.
survey-send-done = { $count ->
    [one] Enviada a un contacto.
   *[other] Enviada a { $count } contactos.
} { $throttled ->
    [0] {""}
    [one] Se omitió uno: se le preguntó hace poco.
   *[other] Se omitieron { $throttled }: se les preguntó hace poco.
}
feedback-title = Lo que dijo el cliente después
feedback-sent = Encuesta de seguimiento enviada el { $when }
feedback-answered = respondió { $score } el { $when }
feedback-waiting = aún sin respuesta
agreement-milestone-overdue = con retraso

## Account, API tokens and users (cutting off access)
my-account-title = Su cuenta
my-account-password = Cambiar la contraseña
my-account-password-hint = Al cambiarla se cierran todas sus otras sesiones, en otros navegadores y dispositivos.
my-account-current-password = Contraseña actual
my-account-new-password = Contraseña nueva (al menos 10 caracteres)
my-account-repeat-password = Repita la contraseña nueva
my-account-password-submit = Cambiar la contraseña
my-account-password-changed = Su contraseña se ha cambiado. Se han cerrado todas sus otras sesiones.
my-account-password-mismatch = Las dos contraseñas nuevas no coinciden. Escriba la misma dos veces.
token-title = Tokens de la API
token-intro = Un token permite a un programa usar la API en su nombre. Su secreto se muestra una sola vez, al crearlo. Revoque los tokens que ya no use: dejan de funcionar al instante.
token-none = No hay tokens de la API.
token-name = Nombre
token-created = Creado
token-expires = Caduca
token-state = Estado
token-revoke = Revocar
token-revoke-named = Revocar { $name }
token-revoked-at = Revocado { $when }
token-expired = Caducado
token-usable = Funciona
token-never-expires = Nunca
token-created-once = Copie este token ahora: no se volverá a mostrar.
token-expires-on = Último día en que funciona (opcional)
token-expires-hint = Déjelo vacío para un token que funcione hasta que se revoque.
token-create = Crear token
token-expires-invalid = Escriba el último día como una fecha, por ejemplo 2027-01-31.
token-revoked-notice = El token se ha revocado. Ya no funciona.
users-title = Usuarios
users-intro = Cuentas del personal y de clientes. Un usuario desactivado no puede iniciar sesión y sus tokens de la API se rechazan.
users-search = Nombre o correo electrónico
users-search-submit = Buscar
users-empty = Ningún usuario coincide.
users-name = Nombre
users-role = Rol
users-state = Estado
users-active = Activo
users-deactivated = Desactivado
users-access = Acceso
users-deactivate-hint = Al desactivar a esta persona se cierran al instante todas sus sesiones y se rechazan sus tokens de la API hasta que se reactive.
users-deactivate = Desactivar
users-reactivate-hint = Esta persona no puede iniciar sesión. Al reactivarla podrá volver a hacerlo; sus tokens que no se hayan revocado ni caducado vuelven a funcionar.
users-reactivate = Reactivar
users-deactivated-notice = El usuario se ha desactivado: se han cerrado todas sus sesiones y sus tokens de la API se rechazan.
users-reactivated-notice = El usuario se ha reactivado y puede volver a iniciar sesión.
error-code-wrong_password = Esta no es su contraseña actual.
error-code-own_account = No puede desactivar su propia cuenta.
