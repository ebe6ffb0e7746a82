#include "mdp/mail/MailMessage.h"

#include <QUuid>

#include <algorithm>

namespace mdp::mail {

namespace {

bool isPrintableAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

// Length of the UTF-8 sequence starting with `lead`.
int utf8SequenceLength(unsigned char lead)
{
    if (lead < 0x80)
        return 1;
    if ((lead & 0xe0) == 0xc0)
        return 2;
    if ((lead & 0xf0) == 0xe0)
        return 3;
    return 4;
}

QString singleLine(const QString &text)
{
    QString line = text;
    line.replace(u'\r', u' ');
    line.replace(u'\n', u' ');
    return line;
}

char hexDigit(int value)
{
    return "0123456789ABCDEF"[value & 0xf];
}

} // namespace

QByteArray encodeHeaderText(const QString &text, int firstLineUsed)
{
    const QString line = singleLine(text);
    if (isPrintableAscii(line))
        return line.toLatin1();

    // An encoded word is at most 75 characters and a header line should stay within 78; the
    // "=?UTF-8?B?" and "?=" take 12 of them, the rest holds base64 quads of 3 bytes each.
    const auto bytesForLine = [](int used) { return qsizetype((std::min(75, 78 - used) - 12) / 4 * 3); };
    const QByteArray utf8 = line.toUtf8();
    QByteArray out;
    qsizetype pos = 0;
    while (pos < utf8.size()) {
        const qsizetype maxBytes = std::max<qsizetype>(bytesForLine(out.isEmpty() ? firstLineUsed : 1), 4);
        qsizetype end = pos;
        while (end < utf8.size()) {
            const int length = utf8SequenceLength(static_cast<unsigned char>(utf8.at(end)));
            if (end + length - pos > maxBytes)
                break;
            end += length;
        }
        if (!out.isEmpty())
            out += "\r\n ";
        out += "=?UTF-8?B?" + utf8.mid(pos, end - pos).toBase64() + "?=";
        pos = end;
    }
    return out;
}

QByteArray encodeQuotedPrintable(const QString &text)
{
    QString normalized = text;
    normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    normalized.replace(u'\r', u'\n');
    const QList<QByteArray> lines = normalized.toUtf8().split('\n');

    constexpr qsizetype maxLine = 76;
    QByteArray out;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        QByteArray current;
        for (qsizetype j = 0; j < line.size(); ++j) {
            const auto byte = static_cast<unsigned char>(line.at(j));
            const bool last = j == line.size() - 1;
            QByteArray token;
            if ((byte >= 33 && byte <= 126 && byte != '=') || ((byte == ' ' || byte == '\t') && !last))
                token = QByteArray(1, char(byte));
            else
                token = QByteArray("=") + hexDigit(byte >> 4) + hexDigit(byte);
            // Keep room for the soft break '=' at the end of a full line.
            if (current.size() + token.size() > maxLine - 1) {
                out += current + "=\r\n";
                current.clear();
            }
            current += token;
        }
        out += current;
        if (i != lines.size() - 1)
            out += "\r\n";
    }
    return out;
}

QByteArray MailMessage::toMime() const
{
    const QDateTime when = (date.isValid() ? date : QDateTime::currentDateTimeUtc()).toUTC();
    const QString id = messageId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) +
                                                 QStringLiteral("@mdp.invalid")
                                           : singleLine(messageId);
    QByteArray mime;
    mime += "Date: " + when.toString(Qt::RFC2822Date).toLatin1() + "\r\n";
    mime += "From: <" + from.toLatin1() + ">\r\n";
    mime += "To: ";
    for (qsizetype i = 0; i < to.size(); ++i) {
        if (i > 0)
            mime += ",\r\n ";
        mime += '<' + to.at(i).toLatin1() + '>';
    }
    mime += "\r\n";
    mime += "Subject: " + encodeHeaderText(subject, 9) + "\r\n";
    mime += "Message-ID: <" + id.toLatin1() + ">\r\n";
    mime += "MIME-Version: 1.0\r\n";
    mime += "Content-Type: text/plain; charset=UTF-8\r\n";
    mime += "Content-Transfer-Encoding: quoted-printable\r\n";
    mime += "\r\n";
    mime += encodeQuotedPrintable(body);
    mime += "\r\n";
    return mime;
}

} // namespace mdp::mail
