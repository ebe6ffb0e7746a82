#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace mdp::deid {

// Cleans free-text descriptors of one file (Clean Descriptors and the "C" of the retain options):
// values the same file holds in identifying attributes (names, IDs, addresses...) are removed
// wherever the text repeats them, and identifiers found by their own structure
// (findCheckableIdentifiers: resident IDs, bank cards, phone numbers, e-mail) are replaced by their
// typed placeholder. Works on the file's bytes in its character set.
class TextCleaner
{
public:
    // (0008,0005) of the data set; empty means the default repertoire.
    void setCharacterSet(const QByteArray &specificCharacterSet);
    // A value to remove where it is repeated; a person name also gives its components.
    void addKnownValue(const QByteArray &value, bool personName);
    QByteArray clean(const QByteArray &value) const;

private:
    QString decode(const QByteArray &bytes) const;
    QByteArray encode(const QString &text, bool *ok) const;

    enum class Encoding
    {
        Latin1,
        Utf8,
        Gb18030
    };
    Encoding m_encoding = Encoding::Latin1;
    QStringList m_known; // decoded, longest first
};

} // namespace mdp::deid
