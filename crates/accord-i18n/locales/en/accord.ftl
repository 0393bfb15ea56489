## Shared
app-name = Accord
app-tagline = Customer service run by your service policy
skip-to-content = Skip to content
language = Language
change-language = Change language
signed-in-as = Signed in as { $name }
sign-out = Sign out
nav-inbox = Inbox
nav-api = API reference
date-format = %b %-d, %Y %H:%M
none = none
save = Save
cancel = Cancel
unassigned = Unassigned
yes = yes
no = no

## Sign-in
login-title = Sign in
login-email = Email address
login-password = Password
login-submit = Sign in
login-failed = Wrong email address or password.
login-rate-limited = Too many sign-in attempts. Wait a minute and try again.
login-demo-hint = Demo logins are printed by the accord demo command.

## Inbox
inbox-title = Inbox
inbox-view-mine = Mine
inbox-view-team = My teams
inbox-view-unassigned = Unassigned
inbox-view-open = All open
inbox-view-all = All
inbox-filter-status = Status
inbox-filter-any-status = Any status
inbox-filter-apply = Filter
inbox-count = { $count ->
    [0] No cases
    [one] { $count } case
   *[other] { $count } cases
}
inbox-empty = No cases match this view.
inbox-next-page = Older cases
col-number = No.
col-subject = Subject
col-customer = Customer
col-organization = Organization
col-status = Status
col-priority = Priority
col-assignee = Assignee
col-updated = Updated
col-channel = Channel
col-language = Language

## Case
case-title = Case { $number }: { $subject }
case-conversation = Conversation
case-no-entries = No messages yet.
case-reply = Reply to the customer
case-reply-submit = Send reply
reply-template = Start from a template
reply-template-use = Use template
reply-preview = Preview
reply-preview-title = Preview: what the customer will read
guidance-title = The policy for this case
guidance-procedure = How we handle this case
guidance-language = In { $language }, the case's language · policy version { $version }
guidance-insert = Insert into reply
guidance-alternatives = Also open to this customer
guidance-why = Why we do this
case-note = Internal note
case-note-submit = Add note
case-note-hint = Only staff see notes.
case-consult = Ask a department
case-consult-department = Department
case-consult-question = Question
case-consult-submit = Ask
case-consult-answer = Answer this question
case-consult-answer-submit = Send answer
case-properties = Details
case-status = Status
case-priority = Priority
case-team = Team
case-assignee = Assignee
case-assign-to-me = Assign to me
case-reason = Reason for the change (optional)
case-save = Save changes
case-saved = Changes saved.
case-nothing-changed = Nothing changed.
case-tags = Tags
case-category = Category
case-channel = Channel
case-language = Language
case-created = Opened
case-links = Linked cases
case-history = History
case-entry-inbound = { $name } wrote
case-entry-outbound = { $name } replied
case-entry-note = Internal note by { $name }
case-entry-consult-question = { $name } asked { $department }
case-entry-consult-answer = { $name } answered
case-entry-posted = Saved.
link-duplicate_of = duplicate of
link-related = related to
link-merged_into = merged into
link-incoming-duplicate_of = has a duplicate
link-incoming-related = related to
link-incoming-merged_into = has merged in
event-by = by { $name }
event-created = Case opened
event-status = Status: { $from } → { $to }
event-priority = Priority: { $from } → { $to }
event-assignee = Assignee changed
event-team = Team changed
event-subject = Subject changed
event-category = Category changed
event-language = Language: { $from } → { $to }
event-tag_added = Tag added: { $tag }
event-tag_removed = Tag removed: { $tag }
event-custom_field = Field { $key } changed
event-linked = Linked to another case
event-unlinked = Link removed
event-entry_added = { $kind } added

## Account panel
account-title = Account
account-contact = Customer
account-identities = Contact details
account-preferred-language = Preferred language
account-organization = Organization
account-no-organization = This customer belongs to no organization.
account-tier = Tier
account-revenue = Yearly revenue
account-customer-since = Customer since
account-manager = Account manager
account-billing = Billing and contract
account-contract = Contract
account-promises = Promised at the time of sale
account-no-promises = No promises recorded.
account-responsibilities = Who is responsible for what
account-no-responsibilities = No responsibilities recorded.
account-other-cases = Other cases of this account
account-no-other-cases = No other cases.
account-open-cases = { $count ->
    [0] no open cases
    [one] { $count } open case
   *[other] { $count } open cases
}

## Values
status-new = New
status-acknowledged = Acknowledged
status-investigating = Investigating
status-agreed = Agreed
status-implementing = Implementing
status-waiting_on_customer = Waiting on customer
status-waiting_on_third_party = Waiting on third party
status-resolved = Resolved
status-closed = Closed
status-reopened = Reopened
priority-low = Low
priority-normal = Normal
priority-high = High
priority-urgent = Urgent
channel-email = Email
channel-web = Web
channel-chat = Chat
channel-phone = Phone
channel-social = Social
channel-api = API
entry-inbound = Customer message
entry-outbound = Reply
entry-note = Note
entry-consult_question = Consult
entry-consult_answer = Consult answer
tier-standard = Standard
tier-silver = Silver
tier-gold = Gold
tier-platinum = Platinum
party-company = Us
party-customer = The customer
party-third_party = A third party
party-shared = Shared
expectation-performance = Performance
expectation-delivery = Delivery
expectation-billing = Billing
expectation-support = Support
expectation-other = Other
role-agent = Agent
role-supervisor = Supervisor
role-admin = Administrator
role-customer = Customer

## Errors
error-title = Something went wrong
error-not-found = We could not find that page, or you may not see it.
error-forbidden = You are not allowed to do that.
error-csrf = This form expired or did not come from Accord. Reload the page and try again.
error-nul = The request contains a NUL character (%00), which no text may hold. Remove it and send it again.
error-invalid = Please correct the following:
error-conflict = That conflicts with the current state: { $detail }
error-illegal-transition = A case cannot go from “{ $from }” to “{ $to }”.
error-server = An unexpected error occurred. It has been logged; please try again.
error-back = Back to the inbox
error-field-required = { $field }: this field is required.
error-field-too-long = { $field }: this text is too long.
error-field-invalid = { $field }: { $message }
error-code-invalid = This value is not valid.
error-code-required = This field is required.
error-code-too_long = This text is too long.
error-code-too_short = This text is too short.
error-code-control_characters = Remove the control characters from this text.
error-code-invalid_email = Enter an email address such as name@example.com.
error-code-invalid_tag = Tags are lowercase letters, digits, “-” or “_”.
error-code-unknown_team = That team no longer exists.
error-code-unknown_agent = That person cannot be assigned cases.
error-code-unknown_contact = That customer does not exist.
error-code-unknown_question = That question does not belong to this case.
error-code-not_allowed = This field cannot be used here.
error-code-too_many = There are too many items.
error-code-conflict = Someone else changed this at the same time. Reload and try again.

## Policy check (accord policy check, the policy editor)
policy-severity-error = error
policy-severity-warning = warning
policy-check-summary = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
policy-check-cannot-read = Cannot read { $file }: { $detail }
policy-syntax = This is not a valid policy file: { $detail }
policy-invalid-value = { $field }: “{ $value }” is not valid here. Expected { $expected }.
policy-condition = { $field }: { $problem ->
    [syntax] the condition cannot be read ({ $subject }).
    [unknown-field] there is no field “{ $subject }”. Fields: { $expected }.
    [unknown-value] “{ $subject }” is not a possible value. Use one of: { $expected }.
    [not-ordered] { $subject } has no order; compare it with { $expected }.
    [wrong-type] “{ $subject }” has the wrong type; expected { $expected }.
    [tags-membership] ask for a tag with { $expected }.
    [empty-list] an empty list can never match; give { $expected }.
    [not-a-value] “{ $subject }” is not a value; expected { $expected }.
    [not-a-condition] “{ $subject }” is not a condition; write { $expected }.
   *[unsupported] “{ $subject }” is not supported in conditions; use { $expected }.
}
policy-missing-translation = { $field } has no text in “{ $language }”, a language this policy must be written in.
policy-duplicate-id = The { $kind } id “{ $id }” is used twice; ids must be unique.
policy-unknown-reference = There is no { $kind } with id “{ $id }”.
policy-calendar = Calendar “{ $id }”: { $detail }
policy-remedy-without-limits = Remedy “{ $id }” has no limits: say how much each role may grant, e.g. limits = { "{" } agent = 50, supervisor = 500 { "}" }.
policy-contradicting-procedures = Procedures “{ $other }” and “{ $id }” apply to the same { $channel } cases with different standards. Give one of them a different “when”.
policy-procedure-shadowed = Procedure “{ $id }” never applies: “{ $other }”, earlier in the file, already governs every { $channel } case. Move it before “{ $other }” or give “{ $other }” a condition.
policy-never-matches = The condition of “{ $id }” can never be true.
policy-standard-slower-than-objective = Procedure “{ $id }” allows { $value } for { $standard }, slower than the { $target } target of objective “{ $objective }” it serves.
policy-escalation-never-fires = Escalation level “{ $id }” can never fire: { $reason ->
    [no-clock] no procedure sets the clock it watches.
    [offset-too-large] it would fire before the clock even starts, in every procedure.
    [no-tiers] it lists no account tiers.
   *[never-matches] its condition can never be true.
}
policy-hard-to-read = { $field } ({ $language }) is hard to read: { $formula } score { $score }, the policy asks for { $threshold }. Use shorter sentences and everyday words.
policy-hard-to-read-also = { $field } ({ $language }) is hard to read: { $formula } score { $score } ({ $also_formula }: { $also_score }), the policy asks for { $threshold }. Use shorter sentences and everyday words.
policy-jargon = { $field } ({ $language }) uses jargon: { $terms }.
policy-long-sentences = { $field } ({ $language }): sentences { $sentences } are longer than { $limit } words.
policy-template-placeholder = { $field } ({ $language }) uses “{ $placeholder }”, which is not a placeholder. Use { $known }, or write {"{{"} and {"}}"} for a brace.
policy-template-unclosed = { $field } ({ $language }) opens a brace that is never closed. Close it, as in {"{"}customer{"}"}, or write {"{{"} for a brace.
policy-review-due = This policy was due for review on { $date }.

## Policy pages
nav-policy = Policy
policy-title = Service policy
policy-versions = Versions of the service policy
policy-col-number = Version
policy-col-name = Name
policy-col-status = Status
policy-col-effective = In force from
policy-status-draft = Draft
policy-status-published = Published
policy-in-force = in force now
policy-new-draft = New draft
policy-none = No version of the service policy exists yet.
policy-acknowledge = I have read this version and its briefing
policy-acknowledged-at = You acknowledged this version on { $date }.
policy-acknowledged-notice = Thank you: your acknowledgement is recorded.
policy-briefing = What changed and why
policy-source = Policy document (TOML)
policy-texts-title = What customers read
policy-texts-intro = Every explanation and reply template, in each language, with its readability score. Scores update as you type; saving writes the texts into the policy file below.
policy-texts-save = Save the texts
policy-texts-unreadable = The texts could not be written into the policy file ({ $detail }). Fix the file below first.
policy-text-score = { $formula }: { $score } (the policy asks for { $threshold })
policy-text-score-free = { $formula }: { $score }
policy-text-score-also = { $formula }: { $score } (the policy asks for { $threshold }); { $also_formula }: { $also_score }
policy-text-score-free-also = { $formula }: { $score }; { $also_formula }: { $also_score }
policy-text-empty = Empty: this language needs the text too.
policy-text-hard = Harder to read than the policy allows: use shorter sentences and everyday words.
policy-text-long = Sentences { $sentences } have more than { $limit } words.
policy-text-jargon = Jargon: { $terms }.
policy-save = Save and check
policy-saved = Saved.
policy-check-clean = The check found no problems.
policy-findings = What the check found
policy-publish = Publish
policy-effective-at = In force from
policy-publish-hint = Open cases move to this version on that date. Publishing needs a check without errors.
policy-published-notice = Published. Staff are asked to acknowledge this version.
policy-ack-title = Acknowledgements
policy-ack-missing = not yet
policy-ack-count = { $done } of { $total } staff have acknowledged this version.
policy-grace-row = { $organization } stays on the previous version until { $date }.
policy-published-readonly = A published version never changes. To change it, start a new draft.
policy-place = line { $line }, column { $column }
error-code-policy_has_errors = The policy has errors. Fix them before publishing.
error-code-in_the_past = Choose a date from now on.
error-code-unknown_organization = That organization does not exist.
case-policy-version = Service policy version

## Clocks and escalation (PRODUCT.md C1, C2)
clocks-title = Clocks
clock-first_response = First response
clock-next_update = Next update promised
clock-resolution = Resolution
clock-milestone = Milestone
clock-state-running = Running
clock-state-paused = Paused
clock-state-met = Met
clock-state-breached = Breached
clock-left = { $left } of working time left
clock-due = Due { $due }
clock-paused = Paused since { $at }, while we wait for the customer
clock-met-in-time = Met { $at }, in time
clock-met-late = Met { $at }, late
clock-overdue = Was due { $due }
clock-target = Target { $target } of working time; { $elapsed } used
event-clock_breached = Target missed: { $clock }
event-escalated = Escalated: { $level }
nav-breaching = Breaching soon
breaching-title = Breaching soon
breaching-intro = Running clocks of open cases that are past their target or due within the window, the most urgent first.
breaching-window = Look ahead
breaching-hours = { $hours ->
    [one] { $hours } hour
   *[other] { $hours } hours
}
breaching-show = Show
breaching-empty = No clock is due in this window.
breaching-case = Case
breaching-clock = Clock
breaching-due = Due
breaching-state = State
breaching-overdue = Overdue
breaching-soon = Due soon

## Remedies, approvals and the concession ledger (PRODUCT.md B5, D5)
nav-approvals = Approvals
remedies-title = Remedies
remedies-none = No remedy given or requested on this case yet.
remedies-remedy = Remedy
remedies-amount = Amount
remedies-reason = What went wrong for the customer
remedies-submit = Give or ask for approval
remedies-limit = { $name } (you may give up to { $limit } { $unit } alone)
remedies-no-limit = { $name } (every amount needs approval)
remedies-row = { $remedy }: { $amount } { $unit }
remedies-requested-by = Asked by { $name }, { $at }
remedy-status-granted = Given
remedy-status-pending = Waiting for approval by: { $role }
remedy-status-approved = Approved and given
remedy-status-rejected = Refused
remedy-status-granted-short = given
remedy-status-pending-short = waiting for approval
remedy-status-approved-short = approved
remedy-status-rejected-short = refused
event-remedy = Remedy { $remedy }: { $amount } { $unit }, { $status }
ledger-title = Concession ledger
ledger-empty = Nothing given to this account yet.
ledger-total = Given so far: { $amounts }
ledger-growing = Each concession is larger than the last: { $amounts } { $unit }. Check that they are still justified.
ledger-repeated = Case { $number } received { $unit } { $count } times, { $total } { $unit } in all. Parts of one concession can each stay under a limit: check that the whole is justified.
ledger-refusals = { $count ->
    [one] { $count } request refused in a row.
   *[other] { $count } requests refused in a row. The customer may be about to leave.
}
approvals-title = Approvals
approvals-intro = Remedies above the requester's limit that your own limit covers. Refusing needs a note the agent can pass on.
approvals-none = Nothing is waiting for your approval.
approvals-case = Case
approvals-note = Note (required to refuse)
approvals-approve = Approve
approvals-refuse = Refuse
approvals-done = Decision saved.
error-code-not_offered = The service policy does not offer this remedy on this case.
error-code-above_every_limit = No role may grant this much. Lower the amount.
error-code-no_policy = No published service policy governs this case yet.
error-code-not_positive = Enter an amount above zero.
error-code-not_whole = Enter a whole number: items and days cannot be split.
error-code-too_precise = Enter the amount in whole cents (or the currency's smallest unit), not in fractions of them.
error-limit-too_precise = Enter the amount in the currency's smallest unit (cents for the euro): at most { $limit } decimals, and at least one such unit.
error-code-case_total_above_every_limit = With what this case has already been given or is waiting for, no role may grant this much of this remedy. Lower the amount: the remedies card shows the total so far.
error-code-customer_total_above_every_limit = With what this customer has already been given or is waiting for of this remedy in the policy's period, on any case, no role may grant this much. Lower the amount.

## Acknowledgement of a new case (A4): sent to the customer
ack-greeting = Hello { $name },
ack-important = Thank you for writing to us. Your message matters to us and we are already working on it (case { $number }: “{ $subject }”).
ack-promise = You will hear from us again by { $when } ({ $zone }) at the latest, even if we are still working on it.
ack-no-promise = We will keep you informed at every step.
ack-signoff = Kind regards,
    the support team
## Acknowledgement on the case page and its errors
ack-title = Acknowledgement
ack-send = Send the acknowledgement
ack-sent = Acknowledgement sent.
ack-preview = What the customer will receive:
ack-already = This case was already acknowledged or answered.

## Notifications
nav-notifications = Notifications
nav-unread = { $count ->
    [one] { $count } unread
   *[other] { $count } unread
}
notifications-title = Notifications
notifications-intro = What the escalation chain and the policy reviews ask of you. The newest come first.
notifications-show-all = Show read ones too
notifications-show-unread = Show only unread
notifications-empty = Nothing new for you.
notifications-read-all = Mark all as read
notifications-mark-read = Mark as read
notification-escalation = Escalation "{ $level }" asks you to look at this case:
notification-assigned = Escalation "{ $level }" gave you this case:
notification-policy-review = This policy version is due for review on { $date }:
notification-version = version { $number }

## Policy: grace periods and changes between versions
policy-effective-invalid = Give the effective date and time.
policy-grace-legend = Grace periods (optional)
policy-grace-hint = These customers stay on the version in force now until the date you give, so they have time to adapt.
policy-grace-organization = Customer
policy-grace-none = (none)
policy-grace-until = Stays on the current version until
policy-grace-invalid = Grace period { $row }: choose a customer and a valid date.
policy-grace-incomplete = Grace period { $row }: give both the customer and the date, or neither.
policy-changes = Changes
policy-changes-since = Changes since version { $number }
policy-changes-none = The policy document is the same as in that version.
policy-changes-first = This is the first version: there is nothing to compare it with.
policy-compare-with = Compare with
policy-compare = Compare
policy-diff-old = Before
policy-diff-new = After
policy-diff-line = Line

## Calendars
nav-calendars = Calendars
calendars-title = Business calendars
calendars-intro = When each team works, so you know what "4 working hours" means this week. The calendars of
calendar-zone = Time zone: { $zone }
calendar-open-now = Open now
calendar-closed-now = Closed now
calendar-procedures = Times the procedures: { $value }
calendar-week = Every week
calendar-ahead = The next 90 days
calendar-ahead-none = No holidays, closures or special hours in the next 90 days.
calendar-closed = Closed
calendar-holiday = Public holiday: { $name }
calendar-closure = Closed
calendar-special = Special hours: { $value }
weekday-monday = Monday
weekday-tuesday = Tuesday
weekday-wednesday = Wednesday
weekday-thursday = Thursday
weekday-friday = Friday
weekday-saturday = Saturday
weekday-sunday = Sunday

## Which open cases a rule matches
rules-title = Rules and the cases they match
rules-intro = Every rule of the version in force that selects cases, with its condition. Choose one, or write a condition, to see which open cases it matches now.
rules-condition = Condition
rules-show = Show matching cases
rules-matching-count = { $count ->
    [one] { $count } open case matches now.
   *[other] { $count } open cases match now.
}
rules-status = Status
rules-account = Account
rules-in-force = Rules of the version in force
rules-none = No version is in force yet.
rules-kind = Kind
rules-id = Rule
rule-kind-procedure = Procedure
rule-kind-escalation = Escalation level
rule-kind-remedy = Remedy

## What a policy field expects (inside policy check messages)
expected-one-or-more = 1 or more
expected-unit = a currency code such as EUR, or days or items
expected-duration = a duration such as "4h"
expected-score = a score from 0 to 1
expected-time-zone = an IANA time zone such as Europe/Madrid
expected-currency = an ISO 4217 code such as EUR
expected-amount = an amount of 0 or more
expected-whole-number = a whole number of 0 or more (items and days cannot be split)
expected-amount-decimals = an amount of 0 or more with at most { $low } decimals
expected-email = an email address
expected-action = at least one action
expected-languages = at least one of en, es, pt, lv
expected-tier = at least one tier
expected-link = https://… (or +<country code> <number> for a phone)
expected-number-range = a number from { $low } to { $high }
expected-comparison = a comparison such as case.channel == "email"
expected-text-or-number = a quoted text or a number
expected-text = a quoted text
expected-value = at least one value
kind-alternative = alternative
kind-escalation-level = escalation level
kind-objective = objective
kind-procedure = procedure
kind-remedy = remedy
kind-template = reply template
kind-calendar = calendar
expected-team-or-role = either team or role, not both

## Email channel
mail-no-subject = (no subject)
mail-no-text = (The message has no text. See its attachments.)
nav-held-mail = Held email
mail-no-sender = (no sender)
mail-attachments = { $count ->
    [one] { $count } attachment
   *[other] { $count } attachments
}
mail-held-title = Held email
mail-held-intro = Accord did not file these messages on its own. Decide for each one: file it into a case, open a new case, or set it aside. Nothing here is deleted.
mail-held-empty = No email is waiting for a decision.
mail-held-unknown-sender = The sender is not a contact of this case's account.
mail-held-automatic = Sent automatically (an auto-reply, a newsletter or a list) and about no open case.
mail-held-rate-limited = This sender sent more messages than the limit in ten minutes.
mail-held-no-sender = The message names no sender.
mail-held-unreadable = The message could not be read.
mail-held-candidate = It may belong to case
mail-held-case-number = Case number
mail-held-file = File into case
mail-held-new-case = Open a new case
mail-held-set-aside = Set aside
mail-held-filed-done = The message is now in case { $number }.
mail-held-set-aside-done = The message was set aside.
mail-held-no-case = No case has that number. Enter the number of an existing case.
mail-notes-title = How Accord read this email
mail-auth-failed = Sender authentication failed: this email may not come from the address it shows (SPF { $spf }, DKIM { $dkim }, DMARC { $dmarc }).
mail-note-not-base64 = It was labelled base64 but was plain text; it is shown as written.
mail-note-charset-was-utf8 = It was labelled { $detail } but was UTF-8; it was read as UTF-8.
mail-note-charset-was-windows-1252 = It was labelled { $detail } but was not; it was read as Windows-1252 (Western European).
mail-note-charset-unlabelled = It named no character set and was not UTF-8; it was read as Windows-1252 (Western European).
mail-note-charset-unknown = Its character set { $detail } is unknown; it was read as Windows-1252 (Western European).
mail-note-charset-invalid = Some characters were not valid in { $detail } and are shown as �.
mail-note-nul-removed = It contained NUL characters, which were removed from the text; the original keeps them.
mail-note-sender-several-addresses = The sender line named more than one address ({ $detail }); the first one was taken.
mail-note-space-before-headers = It began with blank space before its first header, which was skipped.
mail-note-no-blank-line = It had no blank line after its headers; the text starts at the first line that is not a header.
mail-note-no-headers = It had no headers at all; all of it is shown as text.
mail-note-text-recovered = Its text part was damaged (a broken content type or a missing boundary); the text was recovered from it.
mail-note-no-sender = It names no sender.
mail-note-attachments-over-limit = It had more than { $detail } attachments; the rest are only in the original message.
mail-note-not-mail = It is not an email message but a file ({ $detail }); it is kept as an attachment.
mail-original-title = Email as sent
mail-original-back = Back to case { $number }
mail-original-link = Show the email as it was formatted
mail-images-blocked = Images from the web are blocked: loading them would tell the sender that you read the message.
mail-images-show = Show images
mail-images-shown = Images from the web are shown.
mail-images-hide = Block them again
mail-delivery-queued = Email waiting to be sent to { $to }.
mail-delivery-sent = Email sent to { $to } on { $at }.
mail-delivery-retrying = Email not sent yet: attempt { $attempts } failed ({ $error }). Accord tries again.
mail-delivery-failed = Email not delivered: { $error }
mail-delivery-bounced = Email bounced: { $error }

# Relative times (J8)
relative-now = now
relative-minutes-future = { $count ->
    [one] in { $count } minute
   *[other] in { $count } minutes
}
relative-minutes-past = { $count ->
    [one] { $count } minute ago
   *[other] { $count } minutes ago
}
relative-hours-future = { $count ->
    [one] in { $count } hour
   *[other] in { $count } hours
}
relative-hours-past = { $count ->
    [one] { $count } hour ago
   *[other] { $count } hours ago
}
relative-days-future = { $count ->
    [one] in { $count } day
   *[other] in { $count } days
}
relative-days-past = { $count ->
    [one] { $count } day ago
   *[other] { $count } days ago
}

# Inbox views, filters, bulk actions, live updates, shortcuts (issue 5)
inbox-views = Inbox views
inbox-view-breaching = Breaching soon
inbox-view-waiting = Waiting on customer
inbox-view-approval = Awaiting approval
inbox-filter-priority = Priority
inbox-filter-language = Language
inbox-filter-channel = Channel
inbox-filter-tag = Tag
inbox-filter-any = Any
inbox-sort = Order
inbox-sort-updated = Recently updated first
inbox-sort-due = Soonest due first
col-due = Next due
col-select = Select
inbox-select-case = Select case { $number }
inbox-bulk-legend = With the selected cases
inbox-bulk-action = Action
inbox-bulk-assign = Assign to
inbox-bulk-close = Close
inbox-bulk-assignee = Assignee
inbox-bulk-submit = Apply to selected
inbox-bulk-done = { $count ->
    [one] { $count } case changed.
   *[other] { $count } cases changed.
}
inbox-bulk-failed = { $count ->
    [one] { $count } case could not be changed (not allowed from its status, or not yours to change).
   *[other] { $count } cases could not be changed (not allowed from their status, or not yours to change).
}
live-changed = Cases changed since this page was loaded — show the latest
shortcuts-title = Keyboard shortcuts
shortcuts-move = next / previous case in the list
shortcuts-open = open the chosen case
shortcuts-select = select the chosen case for a bulk action
shortcuts-reply = write a reply
shortcuts-note = write an internal note
shortcuts-assign = choose the assignee
shortcuts-help = show this help
shortcuts-close = Close

## Portal: a new case (F2)
nav-new-case = New case
new-case-title = Open a new case
new-case-intro = Tell us what happened in your own words. We answer in your language and tell you when to expect the next update.
new-case-trap = Leave this field empty
new-case-subject = Subject
new-case-body = What happened?
new-case-files = Files (photos, invoices, documents)
new-case-files-hint = { $count ->
    [one] Up to { $count } file
   *[other] Up to { $count } files
}, { $size } MB each at most.
new-case-submit = Open the case
new-case-unreadable = The form could not be read ({ $detail }). Please send it again.
new-case-refused-honeypot = The form was not accepted. If you are a person, please leave the hidden field empty and send it again.
new-case-refused-fast = The form was sent faster than a person can fill it in. Please check it and send it again.
new-case-refused-expired = This form has expired. Your text is kept below: please send it again.
new-case-refused-rate = You have opened many cases in the last hour. Please wait a little, or add to one of your open cases.
new-case-refused-reused = This form was already sent with different content, and the case it opened stands. Nothing new was opened: to open another case, send the text below again.
new-case-too-many-files = { $count ->
    [one] A case can start with at most { $count } file.
   *[other] A case can start with at most { $count } files.
} Add the others to the case once it is open.
new-case-opened = Your case is open. We have sent you a confirmation.
new-case-opened-files-refused = Your case is open, but some files were not accepted (too large or empty). You can add them from the case.

## Supervisor views: escalations and standing against the standards (C2, H2)
nav-escalations = Escalations
nav-standing = Standing
period = Period
period-days = { $days ->
    [one] Last day
   *[other] Last { $days } days
}
escalations-title = Escalations
escalations-intro = Every level of the escalation chain that ran in the period, newest first: what fired it, why the policy escalates there, what it did, and who has the case now.
escalations-empty = No escalation ran in this period.
escalations-when = When
escalations-why = Level and why
escalations-done = What it did
escalations-holder = Case now with
escalations-unassigned = Nobody yet
escalation-trigger-before = { $by } before the target of “{ $clock }”
escalation-trigger-after = { $by } after the target of “{ $clock }”
escalation-trigger-frustration = Frustration score of { $score } or more
escalation-trigger-public-post = A public post about the case
escalation-trigger-tier = Account tier: { $tiers }
escalation-trigger-manager = The customer asked for a manager
escalation-action-notify = Notified: { $role }
escalation-action-notify-team = Notified: { $role } (team { $team })
escalation-action-priority = Priority raised to { $priority }
escalation-action-reassign = Reassigned
escalation-action-reassign-role = Reassigned to a { $role }
escalation-action-reassign-team = Reassigned to team { $team }
escalation-action-reassign-team-role = Reassigned to team { $team } ({ $role })
standing-title = Standing against the standards
standing-intro-team = For each agent and supervisor: how many of the clocks on the cases they hold were met within the policy's targets in the period, the open cases they hold, and whether they acknowledged the policy version in force.
standing-intro-own = How many of the clocks on your cases were met within the policy's targets in the period, the open cases you hold, and whether you acknowledged the policy version in force.
standing-empty = Nobody to show.
standing-person = Person
standing-policy = Policy in force acknowledged
standing-percent = { $percent } %
standing-none = —
standing-detail = { $met } in time, { $missed } missed, { $running } running
standing-open-cases = { $count ->
    [one] { $count } open case
   *[other] { $count } open cases
}
standing-acknowledged-yes = Yes
standing-acknowledged-no = Not yet
standing-note = A clock counts for the person who holds its case now. Green: at least 90 % met in time.
remedies-authority = Who decides, up to what
remedies-authority-own = You alone: up to { $limit } { $unit }
remedies-authority-approver = Approved by a { $role }: up to { $limit } { $unit }
remedies-authority-beyond = Above { $limit } { $unit }: not possible under this policy
remedies-authority-counted = Limits count the total on this case: { $amount } { $unit } given or waiting for approval so far.
remedies-authority-customer = They also count what this customer was given or is waiting for, on any case, { $days ->
    [one] in the last day
   *[other] in the last { $days } days
}: { $amount } { $unit } so far.

## Customer portal: sign-up and sign-in by email link (F2)
portal-link-summary = No password? Get a sign-in link by email
portal-link-submit = Email me a sign-in link
portal-signup-link = New here? Create a customer account
portal-signup-title = Create your account
portal-signup-intro = Follow your cases, reply and read our explanations in your language. We send a link to your address to confirm it is yours.
portal-signup-name = Your name
portal-signup-language = Language for our messages
portal-signup-password = Password (optional)
portal-signup-password-hint = At least 10 characters. Without one, you sign in with a link we email you.
portal-signup-submit = Send the confirmation link
portal-have-account = I already have an account: sign in
portal-sent-title = Check your email
portal-sent-text = If the address can use the portal, a message with a link is on its way. The link works once. Nothing arrived? Check the spam folder, or ask again in a few minutes.
portal-back-to-login = Back to sign in
portal-confirm-title = Sign in with your link
portal-confirm-text = Press the button to use your link and sign in.
portal-confirm-submit = Sign in
portal-failed-title = This did not work
portal-link-expired = This link has expired. Ask for a new one on the sign-in page.
portal-link-used = This link was used already. Each link works once: ask for a new one on the sign-in page.
portal-link-unknown = This link is not valid. Copy the whole address from the email, or ask for a new link on the sign-in page.
portal-mail-greeting = Hello { $name },
portal-mail-signin-subject = Your sign-in link
portal-mail-signin-body = Follow this link to sign in to our customer portal. It works once, within { $minutes } minutes:
portal-mail-signup-subject = Confirm your address
portal-mail-signup-body = Follow this link to confirm your address and open your customer account. It works once, within { $minutes } minutes:
portal-mail-exists-subject = You already have an account
portal-mail-exists-body = Someone asked to create an account with this address, but you have one already. Follow this link to sign in. It works once, within { $minutes } minutes:
portal-mail-ignore = If you did not ask for this, ignore this message: nobody can use your account without the link.

## Policy editor: the rules' settings form (B1, B3)
policy-settings-title = Standards, conditions and limits
policy-settings-intro = Each procedure's standards and each remedy's limits, as fields. The check runs as you type and shows what is wrong next to the field; saving writes only what you changed into the policy file.
policy-settings-save = Save the settings
policy-settings-unusable = The settings could not be written into the policy file ({ $detail }). Fix the file below first.
policy-setting-not-a-number = { $place }: enter an amount of zero or more, such as 50 or 12.5.
policy-setting-procedure = Procedure “{ $id }”
policy-setting-remedy = Remedy “{ $id }”
policy-setting-first_response = First response within
policy-setting-update_every = Update the customer at least every
policy-setting-resolution = Resolve within
policy-setting-calendar = Business calendar
policy-setting-when = Applies when
policy-setting-acknowledge = Acknowledgement
policy-setting-acknowledge-agent = Sent by an agent, in one click
policy-setting-acknowledge-auto = Sent by Accord when the case opens
policy-setting-limit = Most a { $role } may give alone
policy-setting-hint-duration = Working time, such as 4h, 90m or 1h30m.
policy-setting-hint-condition = Such as account.tier >= "gold" or case.language == "lv"; empty: every case.
policy-setting-hint-calendar = The id of one of the policy's calendars; empty: the policy's default.
policy-setting-hint-acknowledge = Who sends the first answer with the next-update promise.
policy-setting-hint-limit = In the remedy's unit; empty: this role may not give it alone.

## Validation problems the forms and the API name (J8)
error-code-invalid_condition = This condition cannot be read. Write it like account.tier >= "gold".
error-code-invalid_currency = Use a three-letter currency code such as EUR.
error-code-invalid_key = Names are a lowercase letter, then lowercase letters, digits or “_”, up to 40.
error-code-invalid_number = Enter a finite number.
error-code-negative = Enter zero or more.
error-code-no_sender = The email has no sender address to answer.
error-code-self_link = A case cannot be linked to itself.
error-code-size = This file is empty or too large.
error-code-taken = This is already used by someone else.
error-code-unknown_case = That case does not exist.
error-code-unknown_staff = That person is not a member of staff.
error-code-unknown_version = That policy version does not exist.
error-limit-too_long = This is too long: use at most { $limit } characters.
error-limit-too_short = This is too short: use at least { $limit } characters.
error-limit-too_many = There are too many: at most { $limit }.
error-limit-size = This file is empty or larger than { $limit } bytes.
api-invalid-detail = { $count ->
    [one] The request has a problem; see errors.
   *[other] The request has { $count } problems; see errors.
}

## Resolving a complaint: agreements and milestones (D1-D3)
agreement-text-intro = Our agreement on case { $number } (version { $version }): what we will do, and by when.
agreement-problem = The problem:
agreement-outcome = What we will do:
agreement-indicators = How we will both know it is done:
agreement-deadline = Done by: { $when }
agreement-milestones = Steps on the way:
agreement-contract-changes = Changes to your contract:
agreement-text-where = You can accept it, or tell us you want to discuss it, from the link in our email or in the customer portal.
agreement-mail-link = To accept it, or to tell us you want to discuss it, open this link (it works until { $when }):
agreement-mail-reply = You can also answer this email with “I accept”.
milestone-update-done = An update on our agreement: “{ $title }” is done.
milestone-update-next = Next: “{ $title }”, by { $when }.
milestone-update-last = That was the last step; everything agreed is due by { $when }.
event-understood = Understanding of the problem recorded
event-agreement_proposed = Agreement proposed
event-agreement_answered = The customer answered the agreement
event-agreement_email_refused = An email accepting version { $version } of the agreement was not taken as acceptance: { $reason }. The customer was sent the link to accept it.
agreement-email-refused-not_authenticated = its sender could not be authenticated (SPF, DKIM, DMARC)
agreement-email-refused-not_a_reply = it did not answer the agreement's email
agreement-email-unconfirmed = We received an email accepting our agreement, but we could not confirm that it came from you. To accept it, please use the link below.
event-milestone_reached = Milestone reached
agreement-page-title = Our agreement with you
agreement-page-portal = Sign in to the customer portal
agreement-accept = I accept this agreement
agreement-discuss = Let's discuss it first
agreement-status-proposed = Waiting for your answer
agreement-status-accepted = Accepted
agreement-status-discussing = To discuss
agreement-status-superseded = Replaced by a newer version
agreement-milestone-reached = done { $when }
agreement-link-invalid = This link is not valid: it may have been cut short or changed. Open it again from our email, or sign in to the customer portal.
agreement-link-expired = This link has expired. Sign in to the customer portal to see the agreement, or answer our email.
agreement-accepted-thanks = Thank you. Your acceptance is recorded, and we keep you informed at every step.
agreement-discuss-thanks = Thank you. We will contact you to talk it over.
agreement-answer-conflict = This version can no longer be answered: a newer one was proposed, or it is accepted already.
resolution-title = Resolution
understanding-title = What we understood
understanding-problem = The problem, in the customer's words
understanding-nature = Kind of problem
understanding-responsible = Responsible under the contract
understanding-note = The contract clause, and what else the team should know
understanding-save = Save what we understood
understanding-recorded = Recorded by { $name }, { $when }
understanding-saved = What we understood is saved.
nature-technical = With the product or service
nature-personal = With how the customer was treated
nature-both = Both
agreement-propose = Propose an agreement
agreement-amend = Propose an amendment (a new version)
agreement-form-intro = Written in the customer's language and sent to them with a link to accept it or discuss it; it also appears in their portal.
agreement-one-per-line = (one per line)
agreement-deadline-label = Done by
agreement-send = Send the agreement
agreement-proposed-notice = The agreement was sent to the customer.
agreement-answered-notice = Your answer is recorded.
milestone-title = Step
milestone-owner = Who answers for it
milestone-due = Due
milestone-third-party = Company outside ours doing it (if any)
milestone-reached-label = What was done for “{ $title }” (the customer reads it)
milestone-reached-submit = Mark reached and tell the customer
milestone-reached-notice = The milestone is reached and the customer was told.
resolution-why = Why it happened:
resolution-fix = What we are doing about it:
resolution-prevention = Why it will not happen again:
error-code-boilerplate = Say what happened in this case: stock phrases alone do not explain anything.
error-code-repeats = This says the same as another part: say something of its own.
error-code-after_deadline = A step is due by the agreement's deadline.
resolution-form-title = Resolve with an explanation
resolution-form-intro = The customer receives this in their language. Say what happened in this case: stock phrases alone are refused.
resolution-apology = Acknowledge the inconvenience
resolution-thanks = Thank the customer
resolution-submit = Send the explanation and resolve
resolution-sent-notice = The explanation was sent and the case is resolved.
standing-counted = Counted { $when }; counted again after a minute.
reviews-title = Contract changes to review
reviews-intro = Changes to customers' contracts that accepted agreements listed. Carry each into the contract, then mark it done.
reviews-none = No contract change is waiting.
reviews-change = Change
reviews-state = Done?
reviews-done = Carried into the contract
reviews-listed = Listed { $when }
reviews-done-by = Done by { $name }, { $when }

## Surveys and follow-ups in the policy (E1, D6)
kind-survey = survey
kind-question = question
kind-procedure-or-remedy = procedure or remedy
policy-survey-without-questions = Survey “{ $id }” is custom but asks nothing: add at least one [[surveys.questions]] with an id and a text in each language.
policy-follow-up-anonymous = The follow-up names survey “{ $id }”, which is anonymous: a follow-up’s answer must be able to reopen its case. Name a survey that is not anonymous.
event-milestone_overdue = Milestone overdue: { $title } (its owner was notified)
event-follow_up = Follow-up sent with survey “{ $survey }”
event-follow_up-throttled = Follow-up survey “{ $survey }” not sent: this contact was asked another survey recently
event-survey_answered = Survey “{ $survey }” answered: { $score }
event-survey_answered-negative = Survey “{ $survey }” answered: { $score }, not satisfied (the case was reopened)
notification-milestone-overdue = Milestone “{ $level }” is past its due date and not reached:
notification-negative-feedback = The customer answered { $level } to the follow-up survey, and the case was reopened:

## Surveys (E1, D6)
survey-question-csat = How satisfied are you with how we solved your case?
survey-question-nps = How likely are you to recommend us to a colleague?
survey-question-ces = It was easy to get my problem solved.
survey-scale-csat-low = very unsatisfied
survey-scale-csat-high = very satisfied
survey-scale-nps-low = not at all likely
survey-scale-nps-high = extremely likely
survey-scale-ces-low = strongly disagree
survey-scale-ces-high = strongly agree
survey-scale-custom-low = not at all
survey-scale-custom-high = completely
survey-mail-follow-up = We solved your case { $number } ({ $subject }) a little while ago. We would like to know if it worked.
survey-mail-intro = We would like to know what you think. It takes one click.
survey-mail-click = Click the answer that fits:
survey-mail-more = { $count ->
    [one] The page then asks one more question.
   *[other] The page then asks { $count } more questions.
}
survey-mail-web = You can also answer on this page, and add a comment:
survey-mail-anonymous = Your answers are kept without your name.
survey-mail-how-often = We ask you at most once every { $days } days. The link works until { $date }.
nav-survey-results = Survey results
nav-my-surveys = Surveys
survey-page-title = Survey
survey-page-case = About your case { $number }
survey-link-invalid = This survey link does not work: it was changed or cut short. Copy the whole link from the email, or sign in to answer your surveys.
survey-link-expired = This survey has closed: its link worked for 30 days. Thank you all the same.
survey-already-answered = This survey has already been answered. Thank you.
survey-thanks = Thank you: your answer is recorded.
survey-thanks-reopened = Thank you for telling us. We are sorry it did not work: your case is open again and we will contact you.
survey-comment = Anything you want to add? (optional)
survey-anonymous-note = Your answers are kept without your name.
survey-sending = Sending your answer…
survey-send = Send my answer
my-surveys-title = Your surveys
my-surveys-empty = We have not asked you anything yet.
my-surveys-survey = Survey
my-surveys-sent = Sent
my-surveys-state = Answer
my-surveys-answered = Answered { $when }
my-surveys-open = Waiting for your answer
my-surveys-closed = Closed
survey-results-title = Survey results
survey-results-intro = What customers answered, by the grouping you choose. The score is the share of positive answers; for NPS, promoters less detractors.
survey-results-none = The policy in force has no surveys. Add [[surveys]] to the policy to ask customers.
survey-results-survey = Survey
survey-results-by = By
survey-results-total = Answers: { $answers }
survey-results-sent = sent: { $count }
survey-results-average = average { $value }
survey-results-score = score { $value }
survey-results-empty = No answers in this period.
survey-results-answers = Answers
survey-results-col-average = Average
survey-results-col-score = Score
survey-results-col-negative = Negative
survey-results-unrecorded = Not recorded (anonymous or sent by a supervisor)
survey-results-questions = By question
survey-results-comments = Latest comments
survey-by-case = Case
survey-by-agent = Agent
survey-by-team = Team
survey-by-channel = Channel
survey-by-policy_version = Policy version
survey-by-week = Week
survey-send-title = Send this survey
survey-send-to = To the contacts of
survey-send-everyone = Every organization
survey-send-submit = Send the survey
survey-send-note = Each contact gets it in their language. Contacts asked another survey recently are skipped.
survey-send-done = { $count ->
    [one] Sent to one contact.
   *[other] Sent to { $count } contacts.
} { $throttled ->
    [0] {""}
    [one] One was skipped: asked recently.
   *[other] { $throttled } were skipped: asked recently.
}
feedback-title = What the customer said afterwards
feedback-sent = Follow-up survey sent { $when }
feedback-answered = answered { $score } on { $when }
feedback-waiting = no answer yet
agreement-milestone-overdue = late

## Account, API tokens and users (cutting off access)
my-account-title = Your account
my-account-password = Change your password
my-account-password-hint = Changing it signs you out everywhere else: in other browsers and on other devices.
my-account-current-password = Current password
my-account-new-password = New password (at least 10 characters)
my-account-repeat-password = Repeat the new password
my-account-password-submit = Change password
my-account-password-changed = Your password was changed. Every other session of yours has been signed out.
my-account-password-mismatch = The two new passwords differ. Type the same one twice.
token-title = API tokens
token-intro = A token lets a program use the API as you. Its secret is shown once, when it is made. Revoke a token you no longer use: it stops working at once.
token-none = No API tokens.
token-name = Name
token-created = Created
token-expires = Expires
token-state = State
token-revoke = Revoke
token-revoke-named = Revoke { $name }
token-revoked-at = Revoked { $when }
token-expired = Expired
token-usable = Works
token-never-expires = Never
token-created-once = Copy this token now: it will not be shown again.
token-expires-on = Last day it works (optional)
token-expires-hint = Leave empty for a token that works until it is revoked.
token-create = Create token
token-expires-invalid = Enter the last day as a date, such as 2027-01-31.
token-revoked-notice = The token was revoked. It no longer works.
users-title = Users
users-intro = Staff and customer accounts. A deactivated user cannot sign in, and their API tokens are refused.
users-search = Name or email address
users-search-submit = Search
users-empty = No users match.
users-name = Name
users-role = Role
users-state = State
users-active = Active
users-deactivated = Deactivated
users-access = Access
users-deactivate-hint = Deactivating signs this person out everywhere at once and refuses their API tokens until they are reactivated.
users-deactivate = Deactivate
users-reactivate-hint = This person cannot sign in. Reactivating lets them sign in again; their tokens that were neither revoked nor expired work again.
users-reactivate = Reactivate
users-deactivated-notice = The user was deactivated: signed out everywhere, and their API tokens are refused.
users-reactivated-notice = The user was reactivated and can sign in again.
error-code-wrong_password = This is not your current password.
error-code-own_account = You cannot deactivate your own account.
