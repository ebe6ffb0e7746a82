#include "TextCleaner.h"

#include "mdp/deid/Identifiers.h"

#include <QRegularExpression>
#include <QStringDecoder>
#include <QStringEncoder>

#include <algorithm>

namespace mdp::deid {

namespace {

const QString kRemoved = QStringLiteral("[REMOVED]");

} // namespace

void TextCleaner::setCharacterSet(const QByteArray &specificCharacterSet)
{
    // The first value names the character set of the text (ISO 2022 extensions keep ASCII in G0;
    // bytes outside it pass through Latin-1 unchanged).
    const QByteArray all = specificCharacterSet.toUpper();
    if (all.contains("ISO_IR 192"))
        m_encoding = Encoding::Utf8;
    else if (all.contains("GB18030") || all.contains("GBK"))
        m_encoding = Encoding::Gb18030;
    else
        m_encoding = Encoding::Latin1;
}

QString TextCleaner::decode(const QByteArray &bytes) const
{
    switch (m_encoding) {
    case Encoding::Utf8:
        return QString::fromUtf8(bytes);
    case Encoding::Gb18030: {
        QStringDecoder decoder("GB18030");
        if (decoder.isValid())
            return decoder.decode(bytes);
        return QString::fromLatin1(bytes);
    }
    case Encoding::Latin1:
        break;
    }
    return QString::fromLatin1(bytes);
}

QByteArray TextCleaner::encode(const QString &text, bool *ok) const
{
    *ok = true;
    switch (m_encoding) {
    case Encoding::Utf8:
        return text.toUtf8();
    case Encoding::Gb18030: {
        QStringEncoder encoder("GB18030");
        if (encoder.isValid()) {
            QByteArray bytes = encoder.encode(text);
            *ok = !encoder.hasError();
            return bytes;
        }
        break;
    }
    case Encoding::Latin1:
        break;
    }
    for (const QChar c : text) {
        if (c.unicode() > 0xFF)
            *ok = false;
    }
    return text.toLatin1();
}

void TextCleaner::addKnownValue(const QByteArray &value, bool personName)
{
    const QString text = decode(value).trimmed();
    QStringList candidates;
    for (const QString &one : text.split(QLatin1Char('\\'), Qt::SkipEmptyParts))
        candidates << one.trimmed();
    if (personName) {
        // "Family^Given^Middle^Prefix^Suffix", in up to three representations separated by '='.
        for (const QString &representation : text.split(QRegularExpression(QStringLiteral("[=\\\\]"))))
            for (const QString &component : representation.split(QLatin1Char('^'), Qt::SkipEmptyParts))
                candidates << component.trimmed();
    }
    for (const QString &candidate : std::as_const(candidates)) {
        // Short ASCII fragments ("MR", "Li") would wipe ordinary words; a Chinese name of two
        // characters is specific enough.
        const bool wide =
            std::any_of(candidate.cbegin(), candidate.cend(), [](QChar c) { return c.unicode() > 0x2E80; });
        if (candidate.size() < (wide ? 2 : 3) || m_known.contains(candidate, Qt::CaseInsensitive))
            continue;
        m_known << candidate;
    }
    std::sort(m_known.begin(), m_known.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

QByteArray TextCleaner::clean(const QByteArray &value) const
{
    QString text = decode(value);
    for (const QString &known : m_known)
        text.replace(known, kRemoved, Qt::CaseInsensitive);
    const QList<Finding> findings = findCheckableIdentifiers(text);
    QString redacted = redact(text, findings);
    bool ok = false;
    QByteArray bytes = encode(redacted, &ok);
    if (ok)
        return bytes;
    // The typed placeholders are Chinese; a character set without them gets a plain marker.
    QString plain = text;
    for (auto it = findings.crbegin(); it != findings.crend(); ++it)
        plain.replace(it->start, it->length, kRemoved);
    return encode(plain, &ok);
}

} // namespace mdp::deid
