-- The SMTP client that handed the message over (its address and HELO name), for SPF.
ALTER TABLE mail_inbound ADD COLUMN peer_ip TEXT;
ALTER TABLE mail_inbound ADD COLUMN helo TEXT;
-- What sender authentication (SPF, DKIM, DMARC) said: JSON {spf, dkim, dmarc, …}.
ALTER TABLE mail_inbound ADD COLUMN authentication TEXT;
-- What Accord noticed or changed while reading a received message (a charset that was not
-- what its label said, a NUL removed, a second sender address), as a JSON list of
-- {code, detail}: shown to staff with the message. Keep in step with
-- ../postgres/0014_mail_reading_notes.sql.
ALTER TABLE mail_inbound ADD COLUMN notes TEXT;
