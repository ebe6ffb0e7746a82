#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace mdp::mail {

// One plain-text e-mail. toMime() gives the RFC 5322 message in 7-bit ASCII with CRLF line ends:
// the subject as RFC 2047 encoded words (UTF-8, base64) when it is not plain ASCII, the body as
// UTF-8 quoted-printable. SMTP dot-stuffing is the client's job, not this class's.
struct MailMessage
{
    QString from;      // plain address (isPlainMailAddress)
    QStringList to;    // plain addresses; each gets its own RCPT TO
    QString subject;   // line breaks are folded into spaces
    QString body;      // text; "\n" or "\r\n" line ends
    QDateTime date;    // Date: header; current UTC time when invalid
    QString messageId; // without < >; a random id "@mdp.invalid" when empty

    QByteArray toMime() const;
};

// RFC 2047 "=?UTF-8?B?...?=" words, each at most 75 characters and never splitting a UTF-8
// sequence, separated by CRLF SP (folding) so that no line exceeds 78 characters given
// `firstLineUsed` characters before it on the first line ("Subject: " = 9); plain printable ASCII
// is returned unchanged (line breaks become spaces).
QByteArray encodeHeaderText(const QString &text, int firstLineUsed = 0);
// Quoted-printable (RFC 2045) of the UTF-8 text: lines of at most 76 characters, CRLF line ends,
// '=', control bytes, non-ASCII bytes and trailing blanks escaped.
QByteArray encodeQuotedPrintable(const QString &text);

} // namespace mdp::mail
