-- What Accord noticed or changed while reading a received message (a charset that was not
-- what its label said, a NUL removed, a second sender address), as a JSON list of
-- {code, detail}: shown to staff with the message. Keep in step with
-- ../postgres/0014_mail_reading_notes.sql.
ALTER TABLE mail_inbound ADD COLUMN notes TEXT;
