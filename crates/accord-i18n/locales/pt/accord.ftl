## Shared
app-name = Accord
app-tagline = Atendimento ao cliente conduzido pela sua política de serviço
skip-to-content = Ir para o conteúdo
language = Idioma
change-language = Mudar idioma
signed-in-as = Sessão iniciada como { $name }
sign-out = Terminar sessão
nav-inbox = Caixa de entrada
nav-api = Referência da API
date-format = %d/%m/%Y %H:%M
none = nenhum
save = Guardar
cancel = Cancelar
unassigned = Sem responsável
yes = sim
no = não

## Sign-in
login-title = Iniciar sessão
login-email = Endereço de e-mail
login-password = Palavra-passe
login-submit = Entrar
login-failed = E-mail ou palavra-passe incorretos.
login-rate-limited = Demasiadas tentativas. Aguarde um minuto e tente de novo.
login-demo-hint = O comando accord demo mostra os utilizadores de demonstração.

## Inbox
inbox-title = Caixa de entrada
inbox-view-mine = Os meus
inbox-view-team = As minhas equipas
inbox-view-unassigned = Sem responsável
inbox-view-open = Todos os abertos
inbox-view-all = Todos
inbox-filter-status = Estado
inbox-filter-any-status = Qualquer estado
inbox-filter-apply = Filtrar
inbox-count = { $count ->
    [0] Nenhum caso
    [one] { $count } caso
   *[other] { $count } casos
}
inbox-empty = Nenhum caso corresponde a esta vista.
inbox-next-page = Casos anteriores
col-number = N.º
col-subject = Assunto
col-customer = Cliente
col-organization = Organização
col-status = Estado
col-priority = Prioridade
col-assignee = Responsável
col-updated = Atualizado
col-channel = Canal
col-language = Idioma

## Case
case-title = Caso { $number }: { $subject }
case-conversation = Conversa
case-no-entries = Ainda não há mensagens.
case-reply = Responder ao cliente
case-reply-submit = Enviar resposta
reply-template = Começar com um modelo
reply-template-use = Usar modelo
reply-preview = Pré-visualizar
reply-preview-title = Pré-visualização: o que o cliente vai ler
guidance-title = A política para este caso
guidance-procedure = Como tratamos este caso
guidance-language = Em { $language }, a língua do caso · versão { $version } da política
guidance-insert = Inserir na resposta
guidance-alternatives = Também à disposição deste cliente
guidance-why = Porque o fazemos assim
case-note = Nota interna
case-note-submit = Adicionar nota
case-note-hint = Só a equipa vê as notas.
case-consult = Consultar um departamento
case-consult-department = Departamento
case-consult-question = Pergunta
case-consult-submit = Perguntar
case-consult-answer = Responder a esta consulta
case-consult-answer-submit = Enviar resposta
case-properties = Detalhes
case-status = Estado
case-priority = Prioridade
case-team = Equipa
case-assignee = Responsável
case-assign-to-me = Atribuir a mim
case-reason = Motivo da alteração (opcional)
case-save = Guardar alterações
case-saved = Alterações guardadas.
case-nothing-changed = Nada foi alterado.
case-tags = Etiquetas
case-category = Categoria
case-channel = Canal
case-language = Idioma
case-created = Aberto
case-links = Casos ligados
case-history = Histórico
case-entry-inbound = { $name } escreveu
case-entry-outbound = { $name } respondeu
case-entry-note = Nota interna de { $name }
case-entry-consult-question = { $name } consultou { $department }
case-entry-consult-answer = { $name } respondeu
case-entry-posted = Guardado.
link-duplicate_of = duplicado de
link-related = relacionado com
link-merged_into = fundido em
link-incoming-duplicate_of = tem um duplicado
link-incoming-related = relacionado com
link-incoming-merged_into = recebeu a fusão de
event-by = por { $name }
event-created = Caso aberto
event-status = Estado: { $from } → { $to }
event-priority = Prioridade: { $from } → { $to }
event-assignee = Responsável alterado
event-team = Equipa alterada
event-subject = Assunto alterado
event-category = Categoria alterada
event-language = Idioma: { $from } → { $to }
event-tag_added = Etiqueta adicionada: { $tag }
event-tag_removed = Etiqueta removida: { $tag }
event-custom_field = Campo { $key } alterado
event-linked = Ligado a outro caso
event-unlinked = Ligação removida
event-entry_added = { $kind } adicionado

## Account panel
account-title = Conta
account-contact = Cliente
account-identities = Contactos
account-preferred-language = Idioma preferido
account-organization = Organização
account-no-organization = Este cliente não pertence a nenhuma organização.
account-tier = Nível
account-revenue = Faturação anual
account-customer-since = Cliente desde
account-manager = Gestor de conta
account-billing = Faturação e contrato
account-contract = Contrato
account-promises = Prometido no momento da venda
account-no-promises = Não há promessas registadas.
account-responsibilities = Quem é responsável por quê
account-no-responsibilities = Não há responsabilidades registadas.
account-other-cases = Outros casos desta conta
account-no-other-cases = Não há outros casos.
account-open-cases = { $count ->
    [0] nenhum caso aberto
    [one] { $count } caso aberto
   *[other] { $count } casos abertos
}

## Values
status-new = Novo
status-acknowledged = Recebido
status-investigating = Em análise
status-agreed = Acordado
status-implementing = Em execução
status-waiting_on_customer = À espera do cliente
status-waiting_on_third_party = À espera de terceiros
status-resolved = Resolvido
status-closed = Fechado
status-reopened = Reaberto
priority-low = Baixa
priority-normal = Normal
priority-high = Alta
priority-urgent = Urgente
channel-email = E-mail
channel-web = Web
channel-chat = Chat
channel-phone = Telefone
channel-social = Redes sociais
channel-api = API
entry-inbound = Mensagem do cliente
entry-outbound = Resposta
entry-note = Nota
entry-consult_question = Consulta
entry-consult_answer = Resposta à consulta
tier-standard = Padrão
tier-silver = Prata
tier-gold = Ouro
tier-platinum = Platina
party-company = Nós
party-customer = O cliente
party-third_party = Um terceiro
party-shared = Partilhada
expectation-performance = Desempenho
expectation-delivery = Entrega
expectation-billing = Faturação
expectation-support = Suporte
expectation-other = Outro
role-agent = Agente
role-supervisor = Supervisor
role-admin = Administrador
role-customer = Cliente

## Errors
error-title = Algo correu mal
error-not-found = Não encontrámos essa página, ou não tem permissão para a ver.
error-forbidden = Não tem permissão para fazer isso.
error-csrf = Este formulário expirou ou não veio do Accord. Recarregue a página e tente de novo.
error-nul = O pedido contém um carácter NUL (%00), que nenhum texto pode conter. Retire-o e envie de novo.
error-invalid = Corrija o seguinte:
error-conflict = Isso entra em conflito com o estado atual: { $detail }
error-illegal-transition = Um caso não pode passar de «{ $from }» para «{ $to }».
error-server = Ocorreu um erro inesperado. Foi registado; tente de novo.
error-back = Voltar à caixa de entrada
error-field-required = { $field }: este campo é obrigatório.
error-field-too-long = { $field }: o texto é demasiado longo.
error-field-invalid = { $field }: { $message }
error-code-invalid = Este valor não é válido.
error-code-required = Este campo é obrigatório.
error-code-too_long = Este texto é demasiado longo.
error-code-too_short = Este texto é demasiado curto.
error-code-control_characters = Retire os caracteres de controlo deste texto.
error-code-invalid_email = Escreva um endereço de e-mail como nome@exemplo.pt.
error-code-invalid_tag = As etiquetas usam minúsculas, algarismos, «-» ou «_».
error-code-unknown_team = Essa equipa já não existe.
error-code-unknown_agent = Não é possível atribuir casos a essa pessoa.
error-code-unknown_contact = Esse cliente não existe.
error-code-unknown_question = Essa pergunta não pertence a este caso.
error-code-not_allowed = Este campo não pode ser usado aqui.
error-code-too_many = Há demasiados elementos.
error-code-conflict = Outra pessoa alterou isto ao mesmo tempo. Recarregue e tente de novo.

## Policy check (accord policy check, the policy editor)
policy-severity-error = erro
policy-severity-warning = aviso
policy-check-summary = { $errors ->
    [one] 1 erro
   *[other] { $errors } erros
}, { $warnings ->
    [one] 1 aviso
   *[other] { $warnings } avisos
}
policy-check-cannot-read = Não é possível ler { $file }: { $detail }
policy-syntax = Este não é um ficheiro de política válido: { $detail }
policy-invalid-value = { $field }: «{ $value }» não é válido aqui. Esperava-se { $expected }.
policy-condition = { $field }: { $problem ->
    [syntax] não é possível ler a condição ({ $subject }).
    [unknown-field] não existe o campo «{ $subject }». Campos: { $expected }.
    [unknown-value] «{ $subject }» não é um valor possível. Use um de: { $expected }.
    [not-ordered] { $subject } não tem ordem; compare com { $expected }.
    [wrong-type] «{ $subject }» tem o tipo errado; esperava-se { $expected }.
    [tags-membership] para perguntar por uma etiqueta, escreva { $expected }.
    [empty-list] uma lista vazia nunca corresponde; indique { $expected }.
    [not-a-value] «{ $subject }» não é um valor; esperava-se { $expected }.
    [not-a-condition] «{ $subject }» não é uma condição; escreva { $expected }.
   *[unsupported] «{ $subject }» não é suportado em condições; use { $expected }.
}
policy-missing-translation = { $field } não tem texto em «{ $language }», uma língua obrigatória desta política.
policy-duplicate-id = O id «{ $id }» ({ $kind }) é usado duas vezes; os ids têm de ser únicos.
policy-unknown-reference = Nenhum elemento do tipo «{ $kind }» tem o id «{ $id }».
policy-calendar = Calendário «{ $id }»: { $detail }
policy-remedy-without-limits = A compensação «{ $id }» não tem limites: indique quanto cada função pode conceder, p. ex. limits = { "{" } agent = 50, supervisor = 500 { "}" }.
policy-contradicting-procedures = Os procedimentos «{ $other }» e «{ $id }» aplicam-se aos mesmos casos de { $channel } com padrões diferentes. Dê a um deles outro «when».
policy-procedure-shadowed = O procedimento «{ $id }» nunca se aplica: «{ $other }», antes no ficheiro, já rege todos os casos de { $channel }. Mova-o para antes de «{ $other }» ou dê uma condição a «{ $other }».
policy-never-matches = A condição de «{ $id }» nunca pode ser verdadeira.
policy-standard-slower-than-objective = O procedimento «{ $id }» permite { $value } para { $standard }, mais lento do que a meta de { $target } do objetivo «{ $objective }» que serve.
policy-escalation-never-fires = O nível de escalonamento «{ $id }» nunca pode disparar: { $reason ->
    [no-clock] nenhum procedimento define o relógio que ele vigia.
    [offset-too-large] dispararia antes de o relógio começar, em todos os procedimentos.
    [no-tiers] não indica nenhum nível de conta.
   *[never-matches] a sua condição nunca pode ser verdadeira.
}
policy-hard-to-read = { $field } ({ $language }) é difícil de ler: { $formula } dá { $score } e a política pede { $threshold }. Use frases mais curtas e palavras do dia a dia.
policy-hard-to-read-also = { $field } ({ $language }) é difícil de ler: { $formula } dá { $score } ({ $also_formula }: { $also_score }) e a política pede { $threshold }. Use frases mais curtas e palavras do dia a dia.
policy-jargon = { $field } ({ $language }) usa jargão: { $terms }.
policy-long-sentences = { $field } ({ $language }): as frases { $sentences } têm mais de { $limit } palavras.
policy-template-placeholder = { $field } ({ $language }) usa «{ $placeholder }», que não é um marcador. Use { $known }, ou escreva {"{{"} e {"}}"} para uma chaveta.
policy-template-unclosed = { $field } ({ $language }) abre uma chaveta que nunca é fechada. Feche-a, como em {"{"}customer{"}"}, ou escreva {"{{"} para uma chaveta.
policy-review-due = Esta política devia ter sido revista em { $date }.

## Policy pages
nav-policy = Política
policy-title = Política de serviço
policy-versions = Versões da política de serviço
policy-col-number = Versão
policy-col-name = Nome
policy-col-status = Estado
policy-col-effective = Em vigor desde
policy-status-draft = Rascunho
policy-status-published = Publicada
policy-in-force = em vigor
policy-new-draft = Novo rascunho
policy-none = Ainda não existe nenhuma versão da política de serviço.
policy-acknowledge = Li esta versão e o seu resumo
policy-acknowledged-at = Confirmou a leitura desta versão em { $date }.
policy-acknowledged-notice = Obrigado: a sua confirmação ficou registada.
policy-briefing = O que muda e porquê
policy-source = Documento da política (TOML)
policy-texts-title = O que os clientes leem
policy-texts-intro = Cada explicação e modelo de resposta, em cada língua, com a sua pontuação de legibilidade. As pontuações atualizam-se enquanto escreve; ao guardar, os textos são escritos no ficheiro da política abaixo.
policy-texts-save = Guardar os textos
policy-texts-unreadable = Não foi possível escrever os textos no ficheiro da política ({ $detail }). Corrija primeiro o ficheiro abaixo.
policy-text-score = { $formula }: { $score } (a política pede { $threshold })
policy-text-score-free = { $formula }: { $score }
policy-text-score-also = { $formula }: { $score } (a política pede { $threshold }); { $also_formula }: { $also_score }
policy-text-score-free-also = { $formula }: { $score }; { $also_formula }: { $also_score }
policy-text-empty = Vazio: esta língua também precisa do texto.
policy-text-hard = Mais difícil de ler do que a política permite: use frases mais curtas e palavras do dia a dia.
policy-text-long = As frases { $sentences } têm mais de { $limit } palavras.
policy-text-jargon = Jargão: { $terms }.
policy-save = Guardar e verificar
policy-saved = Guardado.
policy-check-clean = A verificação não encontrou problemas.
policy-findings = O que a verificação encontrou
policy-publish = Publicar
policy-effective-at = Em vigor desde
policy-publish-hint = Os casos abertos passam para esta versão nessa data. Para publicar, a verificação não pode ter erros.
policy-published-notice = Publicada. Pede-se à equipa que confirme a leitura desta versão.
policy-ack-title = Confirmações de leitura
policy-ack-missing = ainda não
policy-ack-count = { $done } de { $total } pessoas da equipa confirmaram esta versão.
policy-grace-row = { $organization } mantém a versão anterior até { $date }.
policy-published-readonly = Uma versão publicada nunca muda. Para a alterar, crie um novo rascunho.
policy-place = linha { $line }, coluna { $column }
error-code-policy_has_errors = A política tem erros. Corrija-os antes de publicar.
error-code-in_the_past = Escolha uma data a partir de agora.
error-code-unknown_organization = Essa organização não existe.
case-policy-version = Versão da política de serviço

## Relógios e escalonamento (PRODUCT.md C1, C2)
clocks-title = Relógios
clock-first_response = Primeira resposta
clock-next_update = Próxima atualização prometida
clock-resolution = Resolução
clock-milestone = Marco
clock-state-running = A contar
clock-state-paused = Em pausa
clock-state-met = Cumprido
clock-state-breached = Incumprido
clock-left = faltam { $left } de tempo útil
clock-due = Vence { $due }
clock-paused = Em pausa desde { $at }, enquanto esperamos pelo cliente
clock-met-in-time = Cumprido { $at }, a tempo
clock-met-late = Cumprido { $at }, com atraso
clock-overdue = Vencia { $due }
clock-target = Objetivo { $target } de tempo útil; usado { $elapsed }
event-clock_breached = Objetivo falhado: { $clock }
event-escalated = Escalonado: { $level }
nav-breaching = Prestes a vencer
breaching-title = Prestes a vencer
breaching-intro = Relógios a contar em casos abertos que já passaram o objetivo ou vencem dentro do período, os mais urgentes primeiro.
breaching-window = Olhar em frente
breaching-hours = { $hours ->
    [one] { $hours } hora
   *[other] { $hours } horas
}
breaching-show = Mostrar
breaching-empty = Nenhum relógio vence neste período.
breaching-case = Caso
breaching-clock = Relógio
breaching-due = Vence
breaching-state = Estado
breaching-overdue = Vencido
breaching-soon = Vence em breve

## Compensações, aprovações e registo de concessões (PRODUCT.md B5, D5)
nav-approvals = Aprovações
remedies-title = Compensações
remedies-none = Ainda não foi dada nem pedida nenhuma compensação neste caso.
remedies-remedy = Compensação
remedies-amount = Montante
remedies-reason = O que correu mal para o cliente
remedies-submit = Dar ou pedir aprovação
remedies-limit = { $name } (pode dar até { $limit } { $unit } sem aprovação)
remedies-no-limit = { $name } (qualquer montante precisa de aprovação)
remedies-row = { $remedy }: { $amount } { $unit }
remedies-requested-by = Pedida por { $name }, { $at }
remedy-status-granted = Dada
remedy-status-pending = À espera de aprovação por: { $role }
remedy-status-approved = Aprovada e dada
remedy-status-rejected = Recusada
remedy-status-granted-short = dada
remedy-status-pending-short = à espera de aprovação
remedy-status-approved-short = aprovada
remedy-status-rejected-short = recusada
event-remedy = Compensação { $remedy }: { $amount } { $unit }, { $status }
ledger-title = Registo de concessões
ledger-empty = Ainda não foi dado nada a esta conta.
ledger-total = Dado até agora: { $amounts }
ledger-growing = Cada concessão é maior do que a anterior: { $amounts } { $unit }. Confirme que continuam justificadas.
ledger-repeated = O caso { $number } recebeu { $unit } { $count } vezes, { $total } { $unit } no total. Cada parte de uma mesma concessão pode ficar abaixo de um limite: confirme que o conjunto se justifica.
ledger-refusals = { $count ->
    [one] { $count } pedido recusado seguido.
   *[other] { $count } pedidos recusados seguidos. O cliente pode estar prestes a sair.
}
approvals-title = Aprovações
approvals-intro = Compensações acima do limite de quem as pede que o seu próprio limite cobre. Para recusar é preciso uma nota que o agente possa transmitir.
approvals-none = Não há nada à espera da sua aprovação.
approvals-case = Caso
approvals-note = Nota (obrigatória para recusar)
approvals-approve = Aprovar
approvals-refuse = Recusar
approvals-done = Decisão guardada.
error-code-not_offered = A política de serviço não oferece esta compensação neste caso.
error-code-above_every_limit = Nenhum papel pode conceder tanto. Reduza o montante.
error-code-no_policy = Ainda nenhuma política de serviço publicada rege este caso.
error-code-not_positive = Indique um montante superior a zero.
error-code-not_whole = Indique um número inteiro: os artigos e os dias não se podem dividir.
error-code-too_precise = Indique o montante em cêntimos inteiros (ou na unidade mais pequena da moeda), sem frações.
error-limit-too_precise = Indique o montante na unidade mais pequena da moeda (cêntimos no euro): no máximo { $limit } casas decimais e pelo menos uma dessas unidades.
error-code-case_total_above_every_limit = Com o que este caso já recebeu ou tem à espera de aprovação, nenhum papel pode conceder tanto desta compensação. Reduza o montante: o cartão de compensações mostra o total até agora.
error-code-customer_total_above_every_limit = Com o que este cliente já recebeu ou tem à espera desta compensação no período da política, em qualquer caso, nenhum papel pode conceder tanto. Reduza o montante.

## Acknowledgement of a new case (A4): sent to the customer
ack-greeting = Olá, { $name },
ack-important = Obrigado por nos escrever. A sua mensagem é importante para nós e já estamos a tratar dela (caso { $number }: «{ $subject }»).
ack-promise = Voltaremos a contactá-lo até { $when } ({ $zone }), no máximo, mesmo que ainda estejamos a tratar do assunto.
ack-no-promise = Vamos mantê-lo informado a cada passo.
ack-signoff = Com os melhores cumprimentos,
    a equipa de apoio ao cliente
## Acknowledgement on the case page and its errors
ack-title = Aviso de receção
ack-send = Enviar o aviso de receção
ack-sent = Aviso de receção enviado.
ack-preview = O que o cliente vai receber:
ack-already = Este caso já teve aviso de receção ou resposta.

## Notificações
nav-notifications = Notificações
nav-unread = { $count ->
    [one] { $count } não lida
   *[other] { $count } não lidas
}
notifications-title = Notificações
notifications-intro = O que a cadeia de escalonamento e as revisões da política lhe pedem. As mais recentes primeiro.
notifications-show-all = Mostrar também as lidas
notifications-show-unread = Mostrar só as não lidas
notifications-empty = Nada de novo para si.
notifications-read-all = Marcar todas como lidas
notifications-mark-read = Marcar como lida
notification-escalation = O escalonamento «{ $level }» pede-lhe que veja este caso:
notification-assigned = O escalonamento «{ $level }» atribuiu-lhe este caso:
notification-policy-review = Esta versão da política deve ser revista a { $date }:
notification-version = versão { $number }

## Política: períodos de carência e alterações entre versões
policy-effective-invalid = Indique a data e a hora de entrada em vigor.
policy-grace-legend = Períodos de carência (opcional)
policy-grace-hint = Estes clientes continuam na versão em vigor até à data que indicar, para terem tempo de se adaptar.
policy-grace-organization = Cliente
policy-grace-none = (nenhum)
policy-grace-until = Continua na versão atual até
policy-grace-invalid = Período de carência { $row }: escolha um cliente e uma data válida.
policy-grace-incomplete = Período de carência { $row }: indique o cliente e a data, ou nenhum dos dois.
policy-changes = Alterações
policy-changes-since = Alterações desde a versão { $number }
policy-changes-none = O documento da política é igual ao dessa versão.
policy-changes-first = Esta é a primeira versão: não há nada com que a comparar.
policy-compare-with = Comparar com
policy-compare = Comparar
policy-diff-old = Antes
policy-diff-new = Depois
policy-diff-line = Linha

## Calendários
nav-calendars = Calendários
calendars-title = Calendários de trabalho
calendars-intro = Quando cada equipa trabalha, para saber o que significam «4 horas úteis» esta semana. Os calendários da
calendar-zone = Fuso horário: { $zone }
calendar-open-now = Aberto agora
calendar-closed-now = Fechado agora
calendar-procedures = Marca os prazos dos procedimentos: { $value }
calendar-week = Todas as semanas
calendar-ahead = Os próximos 90 dias
calendar-ahead-none = Não há feriados, encerramentos nem horários especiais nos próximos 90 dias.
calendar-closed = Fechado
calendar-holiday = Feriado: { $name }
calendar-closure = Fechado
calendar-special = Horário especial: { $value }
weekday-monday = Segunda-feira
weekday-tuesday = Terça-feira
weekday-wednesday = Quarta-feira
weekday-thursday = Quinta-feira
weekday-friday = Sexta-feira
weekday-saturday = Sábado
weekday-sunday = Domingo

## Que casos abertos uma regra seleciona
rules-title = Regras e os casos que selecionam
rules-intro = Cada regra da versão em vigor que seleciona casos, com a sua condição. Escolha uma, ou escreva uma condição, para ver que casos abertos seleciona agora.
rules-condition = Condição
rules-show = Mostrar os casos
rules-matching-count = { $count ->
    [one] { $count } caso aberto cumpre a condição.
   *[other] { $count } casos abertos cumprem a condição.
}
rules-status = Estado
rules-account = Conta
rules-in-force = Regras da versão em vigor
rules-none = Ainda não há nenhuma versão em vigor.
rules-kind = Tipo
rules-id = Regra
rule-kind-procedure = Procedimento
rule-kind-escalation = Nível de escalonamento
rule-kind-remedy = Compensação

## O que um campo da política espera (nas mensagens da verificação)
expected-one-or-more = 1 ou mais
expected-unit = um código de moeda como EUR, ou days ou items
expected-duration = uma duração como "4h"
expected-score = uma pontuação de 0 a 1
expected-time-zone = um fuso horário IANA como Europe/Madrid
expected-currency = um código ISO 4217 como EUR
expected-amount = um valor de 0 ou mais
expected-whole-number = um número inteiro de 0 ou mais (os artigos e os dias não se podem dividir)
expected-amount-decimals = um valor de 0 ou mais com no máximo { $low } casas decimais
expected-email = um endereço de email
expected-action = pelo menos uma ação
expected-languages = pelo menos um de en, es, pt, lv
expected-tier = pelo menos um nível de conta
expected-link = https://… (ou +<indicativo do país> <número> para um telefone)
expected-number-range = um número de { $low } a { $high }
expected-comparison = uma comparação como case.channel == "email"
expected-text-or-number = um texto entre aspas ou um número
expected-text = um texto entre aspas
expected-value = pelo menos um valor
kind-alternative = alternativa
kind-escalation-level = nível de escalonamento
kind-objective = objetivo
kind-procedure = procedimento
kind-remedy = compensação
kind-template = modelo de resposta
kind-calendar = calendário
expected-team-or-role = team ou role, não os dois

## Email channel
mail-no-subject = (sem assunto)
mail-no-text = (A mensagem não tem texto. Veja os anexos.)
nav-held-mail = E-mail retido
mail-no-sender = (sem remetente)
mail-attachments = { $count ->
    [one] { $count } anexo
   *[other] { $count } anexos
}
mail-held-title = E-mail retido
mail-held-intro = O Accord não arquivou estas mensagens sozinho. Decida para cada uma: arquivar num caso, abrir um caso novo ou pôr de lado. Nada aqui é apagado.
mail-held-empty = Nenhum e-mail espera uma decisão.
mail-held-unknown-sender = O remetente não é um contacto da conta deste caso.
mail-held-automatic = Enviado automaticamente (uma resposta automática, uma newsletter ou uma lista) e sobre nenhum caso aberto.
mail-held-rate-limited = Este remetente enviou mais mensagens do que o limite em dez minutos.
mail-held-no-sender = A mensagem não indica remetente.
mail-held-unreadable = Não foi possível ler a mensagem.
mail-held-candidate = Pode pertencer ao caso
mail-held-case-number = Número do caso
mail-held-file = Arquivar no caso
mail-held-new-case = Abrir um caso novo
mail-held-set-aside = Pôr de lado
mail-held-filed-done = A mensagem está agora no caso { $number }.
mail-held-set-aside-done = A mensagem foi posta de lado.
mail-held-no-case = Nenhum caso tem esse número. Indique o número de um caso existente.
mail-notes-title = Como o Accord leu este e-mail
mail-auth-failed = A autenticação do remetente falhou: este e-mail pode não vir do endereço que mostra (SPF { $spf }, DKIM { $dkim }, DMARC { $dmarc }).
mail-note-not-base64 = Estava marcado como base64 mas era texto simples; é mostrado tal como foi escrito.
mail-note-charset-was-utf8 = Estava marcado como { $detail } mas era UTF-8; foi lido como UTF-8.
mail-note-charset-was-windows-1252 = Estava marcado como { $detail } mas não o era; foi lido como Windows-1252 (Europa Ocidental).
mail-note-charset-unlabelled = Não indicava o conjunto de caracteres e não era UTF-8; foi lido como Windows-1252 (Europa Ocidental).
mail-note-charset-unknown = O conjunto de caracteres { $detail } é desconhecido; foi lido como Windows-1252 (Europa Ocidental).
mail-note-charset-invalid = Alguns caracteres não eram válidos em { $detail } e aparecem como �.
mail-note-nul-removed = Continha caracteres NUL, que foram retirados do texto; o original mantém-nos.
mail-note-sender-several-addresses = A linha do remetente tinha mais de um endereço ({ $detail }); ficou o primeiro.
mail-note-space-before-headers = Começava com espaço em branco antes do primeiro cabeçalho, que foi ignorado.
mail-note-no-blank-line = Não tinha uma linha em branco depois dos cabeçalhos; o texto começa na primeira linha que não é um cabeçalho.
mail-note-no-headers = Não tinha nenhum cabeçalho; é mostrado todo como texto.
mail-note-text-recovered = A parte de texto estava danificada (um tipo de conteúdo inválido ou um limite em falta); o texto foi recuperado.
mail-note-no-sender = Não indica remetente.
mail-note-attachments-over-limit = Tinha mais de { $detail } anexos; os restantes estão apenas na mensagem original.
mail-note-not-mail = Não é um e-mail mas um ficheiro ({ $detail }); fica guardado como anexo.
mail-original-title = E-mail como foi enviado
mail-original-back = Voltar ao caso { $number }
mail-original-link = Ver o e-mail com a formatação original
mail-images-blocked = As imagens da internet estão bloqueadas: carregá-las diria ao remetente que leu a mensagem.
mail-images-show = Mostrar imagens
mail-images-shown = As imagens da internet são mostradas.
mail-images-hide = Bloqueá-las de novo
mail-delivery-queued = E-mail à espera de envio para { $to }.
mail-delivery-sent = E-mail enviado para { $to } em { $at }.
mail-delivery-retrying = E-mail ainda não enviado: a tentativa { $attempts } falhou ({ $error }). O Accord tenta de novo.
mail-delivery-failed = E-mail não entregue: { $error }
mail-delivery-bounced = E-mail devolvido: { $error }

# Relative times (J8)
relative-now = agora
relative-minutes-future = { $count ->
    [one] daqui a { $count } minuto
   *[other] daqui a { $count } minutos
}
relative-minutes-past = { $count ->
    [one] há { $count } minuto
   *[other] há { $count } minutos
}
relative-hours-future = { $count ->
    [one] daqui a { $count } hora
   *[other] daqui a { $count } horas
}
relative-hours-past = { $count ->
    [one] há { $count } hora
   *[other] há { $count } horas
}
relative-days-future = { $count ->
    [one] daqui a { $count } dia
   *[other] daqui a { $count } dias
}
relative-days-past = { $count ->
    [one] há { $count } dia
   *[other] há { $count } dias
}

# Inbox views, filters, bulk actions, live updates, shortcuts (issue 5)
inbox-views = Vistas da caixa de entrada
inbox-view-breaching = Prestes a falhar o prazo
inbox-view-waiting = À espera do cliente
inbox-view-approval = À espera de aprovação
inbox-filter-priority = Prioridade
inbox-filter-language = Idioma
inbox-filter-channel = Canal
inbox-filter-tag = Etiqueta
inbox-filter-any = Qualquer
inbox-sort = Ordem
inbox-sort-updated = Atualizados recentemente primeiro
inbox-sort-due = Prazo mais próximo primeiro
col-due = Próximo prazo
col-select = Selecionar
inbox-select-case = Selecionar o caso { $number }
inbox-bulk-legend = Com os casos selecionados
inbox-bulk-action = Ação
inbox-bulk-assign = Atribuir a
inbox-bulk-close = Fechar
inbox-bulk-assignee = Responsável
inbox-bulk-submit = Aplicar aos selecionados
inbox-bulk-done = { $count ->
    [one] { $count } caso alterado.
   *[other] { $count } casos alterados.
}
inbox-bulk-failed = { $count ->
    [one] { $count } caso não pôde ser alterado (não é permitido a partir do estado atual, ou não lhe cabe alterá-lo).
   *[other] { $count } casos não puderam ser alterados (não é permitido a partir do estado atual, ou não lhe cabe alterá-los).
}
live-changed = Há casos que mudaram desde que esta página foi carregada: mostrar o mais recente
shortcuts-title = Atalhos de teclado
shortcuts-move = caso seguinte / anterior na lista
shortcuts-open = abrir o caso escolhido
shortcuts-select = selecionar o caso escolhido para uma ação em bloco
shortcuts-reply = escrever uma resposta
shortcuts-note = escrever uma nota interna
shortcuts-assign = escolher o responsável
shortcuts-help = mostrar esta ajuda
shortcuts-close = Fechar

## Portal: a new case (F2)
nav-new-case = Novo caso
new-case-title = Abrir um caso novo
new-case-intro = Conte-nos por palavras suas o que aconteceu. Respondemos na sua língua e dizemos quando chega a próxima atualização.
new-case-trap = Deixe este campo vazio
new-case-subject = Assunto
new-case-body = O que aconteceu?
new-case-files = Ficheiros (fotos, faturas, documentos)
new-case-files-hint = { $count ->
    [one] Até { $count } ficheiro
   *[other] Até { $count } ficheiros
}, de { $size } MB no máximo cada um.
new-case-submit = Abrir o caso
new-case-unreadable = Não foi possível ler o formulário ({ $detail }). Envie-o de novo, por favor.
new-case-refused-honeypot = O formulário não foi aceite. Se é uma pessoa, deixe o campo escondido vazio e envie de novo.
new-case-refused-fast = O formulário foi enviado mais depressa do que uma pessoa o consegue preencher. Verifique-o e envie de novo.
new-case-refused-expired = Este formulário expirou. O seu texto está guardado abaixo: envie-o de novo, por favor.
new-case-refused-rate = Abriu muitos casos na última hora. Aguarde um pouco ou acrescente a informação a um dos seus casos abertos.
new-case-refused-reused = Este formulário já foi enviado com outro conteúdo, e o caso que abriu mantém-se. Não foi aberto nada de novo: para abrir outro caso, envie de novo o texto abaixo.
new-case-too-many-files = { $count ->
    [one] Um caso pode começar com { $count } ficheiro no máximo.
   *[other] Um caso pode começar com { $count } ficheiros no máximo.
} Acrescente os outros ao caso depois de aberto.
new-case-opened = O seu caso está aberto. Enviámos-lhe uma confirmação.
new-case-opened-files-refused = O seu caso está aberto, mas alguns ficheiros não foram aceites (demasiado grandes ou vazios). Pode acrescentá-los a partir do caso.

## Supervisor views: escalations and standing against the standards (C2, H2)
nav-escalations = Escalamentos
nav-standing = Desempenho
period = Período
period-days = { $days ->
    [one] Último dia
   *[other] Últimos { $days } dias
}
escalations-title = Escalamentos
escalations-intro = Cada nível da cadeia de escalamento que disparou no período, do mais recente para o mais antigo: o que o disparou, porque é que a política escala aí, o que fez e quem tem agora o caso.
escalations-empty = Nenhum escalamento disparou neste período.
escalations-when = Quando
escalations-why = Nível e motivo
escalations-done = O que fez
escalations-holder = Caso agora com
escalations-unassigned = Ninguém ainda
escalation-trigger-before = { $by } antes do objetivo de «{ $clock }»
escalation-trigger-after = { $by } depois do objetivo de «{ $clock }»
escalation-trigger-frustration = Nível de frustração de { $score } ou mais
escalation-trigger-public-post = Uma publicação pública sobre o caso
escalation-trigger-tier = Nível da conta: { $tiers }
escalation-trigger-manager = O cliente pediu para falar com um responsável
escalation-action-notify = Avisado: { $role }
escalation-action-notify-team = Avisado: { $role } (equipa { $team })
escalation-action-priority = Prioridade elevada para { $priority }
escalation-action-reassign = Reatribuído
escalation-action-reassign-role = Reatribuído a: { $role }
escalation-action-reassign-team = Reatribuído à equipa { $team }
escalation-action-reassign-team-role = Reatribuído à equipa { $team } ({ $role })
standing-title = Desempenho face aos padrões
standing-intro-team = Para cada agente e supervisor: quantos relógios dos casos que tem foram cumpridos dentro dos objetivos da política no período, os casos abertos que tem e se confirmou a versão da política em vigor.
standing-intro-own = Quantos relógios dos seus casos foram cumpridos dentro dos objetivos da política no período, os casos abertos que tem e se confirmou a versão da política em vigor.
standing-empty = Não há ninguém para mostrar.
standing-person = Pessoa
standing-policy = Política em vigor confirmada
standing-percent = { $percent } %
standing-none = —
standing-detail = { $met } a tempo, { $missed } falhados, { $running } a decorrer
standing-open-cases = { $count ->
    [one] { $count } caso aberto
   *[other] { $count } casos abertos
}
standing-acknowledged-yes = Sim
standing-acknowledged-no = Ainda não
standing-note = Um relógio conta para a pessoa que tem agora o caso. Verde: pelo menos 90 % cumpridos a tempo.
remedies-authority = Quem decide e até quanto
remedies-authority-own = Você sozinho: até { $limit } { $unit }
remedies-authority-approver = Aprovado por: { $role }, até { $limit } { $unit }
remedies-authority-beyond = Acima de { $limit } { $unit }: não é possível com esta política
remedies-authority-counted = Os limites contam o total do caso: até agora, { $amount } { $unit } dados ou à espera de aprovação.
remedies-authority-customer = Contam também o que este cliente recebeu ou tem à espera, em qualquer caso, { $days ->
    [one] no último dia
   *[other] nos últimos { $days } dias
}: { $amount } { $unit } até agora.

## Customer portal: sign-up and sign-in by email link (F2)
portal-link-summary = Sem palavra-passe? Receba uma ligação de acesso por e-mail
portal-link-submit = Enviar-me uma ligação de acesso
portal-signup-link = É novo aqui? Crie uma conta de cliente
portal-signup-title = Crie a sua conta
portal-signup-intro = Acompanhe os seus casos, responda e leia as nossas explicações na sua língua. Enviamos uma ligação para o seu endereço para confirmar que é seu.
portal-signup-name = O seu nome
portal-signup-language = Língua das nossas mensagens
portal-signup-password = Palavra-passe (opcional)
portal-signup-password-hint = Pelo menos 10 caracteres. Sem ela, entra com uma ligação que lhe enviamos por e-mail.
portal-signup-submit = Enviar a ligação de confirmação
portal-have-account = Já tenho conta: entrar
portal-sent-title = Veja o seu e-mail
portal-sent-text = Se o endereço puder usar o portal, já vai a caminho uma mensagem com uma ligação. A ligação funciona uma só vez. Não chegou? Veja a pasta de spam ou peça de novo daqui a uns minutos.
portal-back-to-login = Voltar à entrada
portal-confirm-title = Entre com a sua ligação
portal-confirm-text = Carregue no botão para usar a sua ligação e entrar.
portal-confirm-submit = Entrar
portal-failed-title = Isto não funcionou
portal-link-expired = Esta ligação expirou. Peça uma nova na página de entrada.
portal-link-used = Esta ligação já foi usada. Cada ligação funciona uma vez: peça uma nova na página de entrada.
portal-link-unknown = Esta ligação não é válida. Copie o endereço completo do e-mail ou peça uma nova ligação na página de entrada.
portal-mail-greeting = Olá, { $name },
portal-mail-signin-subject = A sua ligação de acesso
portal-mail-signin-body = Siga esta ligação para entrar no nosso portal de clientes. Funciona uma vez, durante { $minutes } minutos:
portal-mail-signup-subject = Confirme o seu endereço
portal-mail-signup-body = Siga esta ligação para confirmar o seu endereço e abrir a sua conta de cliente. Funciona uma vez, durante { $minutes } minutos:
portal-mail-exists-subject = Já tem uma conta
portal-mail-exists-body = Alguém pediu para criar uma conta com este endereço, mas já tem uma. Siga esta ligação para entrar. Funciona uma vez, durante { $minutes } minutos:
portal-mail-ignore = Se não foi você que pediu, ignore esta mensagem: ninguém pode usar a sua conta sem a ligação.

## Policy editor: the rules' settings form (B1, B3)
policy-settings-title = Padrões, condições e limites
policy-settings-intro = Os padrões de cada procedimento e os limites de cada remédio, como campos. A verificação corre enquanto escreve e mostra o que está errado junto ao campo; ao guardar, só o que mudou é escrito no ficheiro da política.
policy-settings-save = Guardar as definições
policy-settings-unusable = Não foi possível escrever as definições no ficheiro da política ({ $detail }). Corrija primeiro o ficheiro abaixo.
policy-setting-not-a-number = { $place }: indique um valor de zero ou mais, como 50 ou 12,5.
policy-setting-procedure = Procedimento «{ $id }»
policy-setting-remedy = Remédio «{ $id }»
policy-setting-first_response = Primeira resposta em
policy-setting-update_every = Atualizar o cliente pelo menos a cada
policy-setting-resolution = Resolver em
policy-setting-calendar = Calendário de trabalho
policy-setting-when = Aplica-se quando
policy-setting-acknowledge = Confirmação de receção
policy-setting-acknowledge-agent = Enviada por um agente, com um clique
policy-setting-acknowledge-auto = Enviada pelo Accord quando o caso abre
policy-setting-limit = Máximo que pode dar sozinho: { $role }
policy-setting-hint-duration = Tempo útil, como 4h, 90m ou 1h30m.
policy-setting-hint-condition = Por exemplo account.tier >= "gold" ou case.language == "lv"; vazio: todos os casos.
policy-setting-hint-calendar = O identificador de um dos calendários da política; vazio: o predefinido.
policy-setting-hint-acknowledge = Quem envia a primeira resposta com a promessa da próxima atualização.
policy-setting-hint-limit = Na unidade do remédio; vazio: esta função não o pode dar sozinha.

## Validation problems the forms and the API name (J8)
error-code-invalid_condition = Não é possível ler esta condição. Escreva-a como account.tier >= "gold".
error-code-invalid_currency = Use um código de moeda de três letras, como EUR.
error-code-invalid_key = Os nomes são uma letra minúscula e depois minúsculas, algarismos ou «_», até 40.
error-code-invalid_number = Indique um número finito.
error-code-negative = Indique zero ou mais.
error-code-no_sender = O e-mail não tem endereço de remetente a quem responder.
error-code-self_link = Um caso não pode ser ligado a si próprio.
error-code-size = Este ficheiro está vazio ou é demasiado grande.
error-code-taken = Isto já é usado por outra pessoa.
error-code-unknown_case = Esse caso não existe.
error-code-unknown_staff = Essa pessoa não faz parte da equipa.
error-code-unknown_version = Essa versão da política não existe.
error-limit-too_long = É demasiado longo: use no máximo { $limit } caracteres.
error-limit-too_short = É demasiado curto: use pelo menos { $limit } caracteres.
error-limit-too_many = São demasiados: no máximo { $limit }.
error-limit-size = Este ficheiro está vazio ou tem mais de { $limit } bytes.
api-invalid-detail = { $count ->
    [one] O pedido tem um problema; veja errors.
   *[other] O pedido tem { $count } problemas; veja errors.
}

## Resolving a complaint: agreements and milestones (D1-D3)
agreement-text-intro = O nosso acordo sobre o caso { $number } (versão { $version }): o que vamos fazer e até quando.
agreement-problem = O problema:
agreement-outcome = O que vamos fazer:
agreement-indicators = Como saberemos ambos que está feito:
agreement-deadline = Feito até: { $when }
agreement-milestones = Passos pelo caminho:
agreement-contract-changes = Alterações ao seu contrato:
agreement-text-where = Pode aceitá-lo, ou dizer-nos que o quer discutir, a partir da ligação no nosso e-mail ou no portal de clientes.
agreement-mail-link = Para o aceitar, ou dizer-nos que o quer discutir, abra esta ligação (funciona até { $when }):
agreement-mail-reply = Também pode responder a este e-mail com «Aceito».
milestone-update-done = Novidades sobre o nosso acordo: «{ $title }» está feito.
milestone-update-next = A seguir: «{ $title }», até { $when }.
milestone-update-last = Era o último passo; tudo o que foi acordado estará feito até { $when }.
event-understood = Compreensão do problema registada
event-agreement_proposed = Acordo proposto
event-agreement_answered = O cliente respondeu ao acordo
event-agreement_email_refused = Um e-mail que aceitava a versão { $version } do acordo não foi tomado como aceitação: { $reason }. Foi enviada ao cliente a ligação para o aceitar.
agreement-email-refused-not_authenticated = não foi possível autenticar o remetente (SPF, DKIM, DMARC)
agreement-email-refused-not_a_reply = não respondia ao e-mail do acordo
agreement-email-unconfirmed = Recebemos um e-mail a aceitar o nosso acordo, mas não conseguimos confirmar que foi enviado por si. Para o aceitar, use a ligação abaixo, por favor.
event-milestone_reached = Marco alcançado
agreement-page-title = O nosso acordo consigo
agreement-page-portal = Entrar no portal de clientes
agreement-accept = Aceito este acordo
agreement-discuss = Prefiro discuti-lo primeiro
agreement-status-proposed = À espera da sua resposta
agreement-status-accepted = Aceite
agreement-status-discussing = Para discutir
agreement-status-superseded = Substituído por uma versão mais recente
agreement-milestone-reached = feito { $when }
agreement-link-invalid = Esta ligação não é válida: pode ter sido cortada ou alterada. Abra-a de novo a partir do nosso e-mail ou entre no portal de clientes.
agreement-link-expired = Esta ligação expirou. Entre no portal de clientes para ver o acordo ou responda ao nosso e-mail.
agreement-accepted-thanks = Obrigado. A sua aceitação ficou registada e vamos mantê-lo informado em cada passo.
agreement-discuss-thanks = Obrigado. Vamos contactá-lo para o discutir.
agreement-answer-conflict = Já não é possível responder a esta versão: foi proposta uma mais recente ou já está aceite.
resolution-title = Resolução
understanding-title = O que percebemos
understanding-problem = O problema, nas palavras do cliente
understanding-nature = Tipo de problema
understanding-responsible = Responsável segundo o contrato
understanding-note = A cláusula do contrato e o que a equipa deve saber
understanding-save = Guardar o que percebemos
understanding-recorded = Registado por { $name }, { $when }
understanding-saved = O que percebemos ficou guardado.
nature-technical = Com o produto ou o serviço
nature-personal = Com a forma como o cliente foi tratado
nature-both = Ambos
agreement-propose = Propor um acordo
agreement-amend = Propor uma alteração (uma nova versão)
agreement-form-intro = Escrito na língua do cliente e enviado com uma ligação para o aceitar ou discutir; também aparece no portal do cliente.
agreement-one-per-line = (um por linha)
agreement-deadline-label = Feito até
agreement-send = Enviar o acordo
agreement-proposed-notice = O acordo foi enviado ao cliente.
agreement-answered-notice = A sua resposta ficou registada.
milestone-title = Passo
milestone-owner = Quem responde por ele
milestone-due = Até
milestone-third-party = Empresa externa que o faz (se houver)
milestone-reached-label = O que foi feito para «{ $title }» (o cliente lê)
milestone-reached-submit = Marcar como alcançado e avisar o cliente
milestone-reached-notice = O marco foi alcançado e o cliente foi avisado.
resolution-why = Porque aconteceu:
resolution-fix = O que estamos a fazer para o resolver:
resolution-prevention = Porque não voltará a acontecer:
error-code-boilerplate = Diga o que aconteceu neste caso: frases feitas não explicam nada.
error-code-repeats = Isto diz o mesmo que outra parte: diga algo próprio.
error-code-after_deadline = Um passo tem de estar feito até ao prazo do acordo.
resolution-form-title = Resolver com uma explicação
resolution-form-intro = O cliente recebe-a na sua língua. Diga o que aconteceu neste caso: só frases feitas não são aceites.
resolution-apology = Reconheça o incómodo
resolution-thanks = Agradeça ao cliente
resolution-submit = Enviar a explicação e resolver
resolution-sent-notice = A explicação foi enviada e o caso está resolvido.
standing-counted = Calculado { $when }; volta a ser calculado passado um minuto.
reviews-title = Alterações de contrato a rever
reviews-intro = Alterações aos contratos de clientes listadas por acordos aceites. Passe cada uma para o contrato e marque-a como feita.
reviews-none = Nenhuma alteração de contrato está à espera.
reviews-change = Alteração
reviews-state = Feita?
reviews-done = Passada para o contrato
reviews-listed = Listada { $when }
reviews-done-by = Feita por { $name }, { $when }

## Inquéritos e acompanhamentos na política (E1, D6)
kind-survey = inquérito
kind-question = pergunta
kind-procedure-or-remedy = procedimento ou compensação
policy-survey-without-questions = O inquérito «{ $id }» é personalizado mas não pergunta nada: acrescente pelo menos uma [[surveys.questions]] com um id e um texto em cada língua.
policy-follow-up-anonymous = O acompanhamento usa o inquérito «{ $id }», que é anónimo: a resposta a um acompanhamento tem de poder reabrir o seu caso. Indique um inquérito que não seja anónimo.
event-milestone_overdue = Etapa em atraso: { $title } (o responsável foi avisado)
event-follow_up = Acompanhamento enviado com o inquérito «{ $survey }»
event-follow_up-throttled = O inquérito de acompanhamento «{ $survey }» não foi enviado: este contacto respondeu a outro inquérito há pouco tempo
event-survey_answered = Inquérito «{ $survey }» respondido: { $score }
event-survey_answered-negative = Inquérito «{ $survey }» respondido: { $score }, insatisfeito (o caso foi reaberto)
notification-milestone-overdue = A etapa «{ $level }» passou o prazo sem ser concluída:
notification-negative-feedback = O cliente respondeu { $level } ao inquérito de acompanhamento e o caso foi reaberto:

## Inquéritos (E1, D6)
survey-question-csat = Qual é o seu grau de satisfação com a forma como resolvemos o seu caso?
survey-question-nps = Qual é a probabilidade de nos recomendar a um colega?
survey-question-ces = Foi fácil resolver o meu problema.
survey-scale-csat-low = muito insatisfeito
survey-scale-csat-high = muito satisfeito
survey-scale-nps-low = nada provável
survey-scale-nps-high = muito provável
survey-scale-ces-low = discordo totalmente
survey-scale-ces-high = concordo totalmente
survey-scale-custom-low = nada
survey-scale-custom-high = totalmente
survey-mail-follow-up = Resolvemos o seu caso { $number } ({ $subject }) há pouco tempo. Gostaríamos de saber se resultou.
survey-mail-intro = Gostaríamos de saber a sua opinião. Basta um clique.
survey-mail-click = Clique na resposta que se aplica:
survey-mail-more = { $count ->
    [one] Depois, a página faz mais uma pergunta.
   *[other] Depois, a página faz mais { $count } perguntas.
}
survey-mail-web = Também pode responder nesta página e deixar um comentário:
survey-mail-anonymous = As suas respostas são guardadas sem o seu nome.
survey-mail-how-often = Perguntamos no máximo uma vez a cada { $days } dias. A ligação funciona até { $date }.
nav-survey-results = Resultados dos inquéritos
nav-my-surveys = Inquéritos
survey-page-title = Inquérito
survey-page-case = Sobre o seu caso { $number }
survey-link-invalid = Esta ligação do inquérito não funciona: foi alterada ou está incompleta. Copie a ligação completa do e-mail ou inicie sessão para responder aos seus inquéritos.
survey-link-expired = Este inquérito já fechou: a ligação funcionava durante 30 dias. Obrigado na mesma.
survey-already-answered = Este inquérito já foi respondido. Obrigado.
survey-thanks = Obrigado: a sua resposta ficou registada.
survey-thanks-reopened = Obrigado por nos dizer. Lamentamos que não tenha resultado: o seu caso foi reaberto e vamos contactá-lo.
survey-comment = Quer acrescentar alguma coisa? (opcional)
survey-anonymous-note = As suas respostas são guardadas sem o seu nome.
survey-sending = A enviar a sua resposta…
survey-send = Enviar a minha resposta
my-surveys-title = Os seus inquéritos
my-surveys-empty = Ainda não lhe perguntámos nada.
my-surveys-survey = Inquérito
my-surveys-sent = Enviado
my-surveys-state = Resposta
my-surveys-answered = Respondido em { $when }
my-surveys-open = À espera da sua resposta
my-surveys-closed = Fechado
survey-results-title = Resultados dos inquéritos
survey-results-intro = O que os clientes responderam, agrupado como escolher. A pontuação é a percentagem de respostas positivas; no NPS, promotores menos detratores.
survey-results-none = A política em vigor não tem inquéritos. Acrescente [[surveys]] à política para perguntar aos clientes.
survey-results-survey = Inquérito
survey-results-by = Por
survey-results-total = Respostas: { $answers }
survey-results-sent = enviados: { $count }
survey-results-average = média { $value }
survey-results-score = pontuação { $value }
survey-results-empty = Não há respostas neste período.
survey-results-answers = Respostas
survey-results-col-average = Média
survey-results-col-score = Pontuação
survey-results-col-negative = Negativas
survey-results-unrecorded = Não registado (anónimas ou enviadas por um supervisor)
survey-results-questions = Por pergunta
survey-results-comments = Últimos comentários
survey-by-case = Caso
survey-by-agent = Agente
survey-by-team = Equipa
survey-by-channel = Canal
survey-by-policy_version = Versão da política
survey-by-week = Semana
survey-send-title = Enviar este inquérito
survey-send-to = Aos contactos de
survey-send-everyone = Todas as organizações
survey-send-submit = Enviar o inquérito
survey-send-note = Cada contacto recebe-o na sua língua. Os contactos a quem se perguntou outro inquérito há pouco tempo são ignorados.
survey-send-done = { $count ->
    [one] Enviado a um contacto.
   *[other] Enviado a { $count } contactos.
} { $throttled ->
    [0] {""}
    [one] Um foi ignorado: foi inquirido há pouco tempo.
   *[other] { $throttled } foram ignorados: foram inquiridos há pouco tempo.
}
feedback-title = O que o cliente disse depois
feedback-sent = Inquérito de acompanhamento enviado em { $when }
feedback-answered = respondeu { $score } em { $when }
feedback-waiting = ainda sem resposta
agreement-milestone-overdue = em atraso

## Account, API tokens and users (cutting off access)
my-account-title = A sua conta
my-account-password = Alterar a palavra-passe
my-account-password-hint = Ao alterá-la, todas as suas outras sessões são terminadas, noutros navegadores e dispositivos.
my-account-current-password = Palavra-passe atual
my-account-new-password = Nova palavra-passe (pelo menos 10 caracteres)
my-account-repeat-password = Repita a nova palavra-passe
my-account-password-submit = Alterar a palavra-passe
my-account-password-changed = A sua palavra-passe foi alterada. Todas as suas outras sessões foram terminadas.
my-account-password-mismatch = As duas novas palavras-passe são diferentes. Escreva a mesma duas vezes.
token-title = Tokens da API
token-intro = Um token permite a um programa usar a API em seu nome. O segredo é mostrado uma única vez, quando é criado. Revogue os tokens que já não usa: deixam de funcionar de imediato.
token-none = Não há tokens da API.
token-name = Nome
token-created = Criado
token-expires = Expira
token-state = Estado
token-revoke = Revogar
token-revoke-named = Revogar { $name }
token-revoked-at = Revogado { $when }
token-expired = Expirado
token-usable = Funciona
token-never-expires = Nunca
token-created-once = Copie este token agora: não voltará a ser mostrado.
token-expires-on = Último dia em que funciona (opcional)
token-expires-hint = Deixe vazio para um token que funcione até ser revogado.
token-create = Criar token
token-expires-invalid = Escreva o último dia como uma data, por exemplo 2027-01-31.
token-revoked-notice = O token foi revogado. Já não funciona.
users-title = Utilizadores
users-intro = Contas da equipa e de clientes. Um utilizador desativado não pode iniciar sessão e os seus tokens da API são recusados.
users-search = Nome ou endereço de e-mail
users-search-submit = Pesquisar
users-empty = Nenhum utilizador corresponde.
users-name = Nome
users-role = Função
users-state = Estado
users-active = Ativo
users-deactivated = Desativado
users-access = Acesso
users-deactivate-hint = Desativar esta pessoa termina de imediato todas as suas sessões e recusa os seus tokens da API até ser reativada.
users-deactivate = Desativar
users-reactivate-hint = Esta pessoa não pode iniciar sessão. Ao reativá-la, poderá voltar a fazê-lo; os seus tokens que não foram revogados nem expiraram voltam a funcionar.
users-reactivate = Reativar
users-deactivated-notice = O utilizador foi desativado: todas as sessões foram terminadas e os seus tokens da API são recusados.
users-reactivated-notice = O utilizador foi reativado e pode voltar a iniciar sessão.
error-code-wrong_password = Esta não é a sua palavra-passe atual.
error-code-own_account = Não pode desativar a sua própria conta.
