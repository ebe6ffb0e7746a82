#include "DicomStructureCheck.h"

#include <QList>

namespace mdp::deid {

namespace {

constexpr quint32 kUndefined = 0xFFFFFFFFu;
constexpr quint16 kItemGroup = 0xFFFE;
constexpr quint16 kItem = 0xE000;
constexpr quint16 kItemEnd = 0xE00D;
constexpr quint16 kSequenceEnd = 0xE0DD;

Error corrupt(const QString &message)
{
    return makeError(Error::Code::Corrupt, message);
}

QString tagText(quint16 group, quint16 element)
{
    return QStringLiteral("(%1,%2)")
        .arg(group, 4, 16, QLatin1Char('0'))
        .arg(element, 4, 16, QLatin1Char('0'))
        .toUpper();
}

bool hasLongLength(char a, char b)
{
    static const char *const vrs[] = {"OB", "OD", "OF", "OL", "OV", "OW", "SQ",
                                      "SV", "UC", "UN", "UR", "UT", "UV"};
    for (const char *vr : vrs) {
        if (vr[0] == a && vr[1] == b)
            return true;
    }
    return false;
}

class Reader
{
public:
    Reader(QByteArrayView bytes, bool bigEndian)
        : m_bytes(bytes)
        , m_bigEndian(bigEndian)
    {}
    quint16 u16(qsizetype at) const
    {
        const auto *p = reinterpret_cast<const uchar *>(m_bytes.data()) + at;
        return m_bigEndian ? quint16((p[0] << 8) | p[1]) : quint16(p[0] | (p[1] << 8));
    }
    quint32 u32(qsizetype at) const
    {
        const auto *p = reinterpret_cast<const uchar *>(m_bytes.data()) + at;
        return m_bigEndian
                   ? (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | p[3]
                   : quint32(p[0]) | (quint32(p[1]) << 8) | (quint32(p[2]) << 16) | (quint32(p[3]) << 24);
    }

private:
    QByteArrayView m_bytes;
    bool m_bigEndian;
};

// One open container on the walk: a sequence (holds items) or an item / the data set (holds
// elements). `end` is where a defined length ends it; undefined ones wait for their delimiter.
struct Container
{
    bool isSequence = false;
    qsizetype end = -1; // -1: undefined length
    bool explicitVr = true;
};

} // namespace

Result<DicomStructureCheck::Summary> DicomStructureCheck::check(QByteArrayView file, int maxSequenceDepth)
{
    Summary summary;
    if (file.size() < 132 || file.sliced(128, 4) != QByteArrayView("DICM"))
        return corrupt(QStringLiteral("not a DICOM file (no 'DICM' after the 128-byte preamble)"));

    // File meta information: explicit VR little endian, group 0002 only.
    const Reader meta(file, false);
    qsizetype pos = 132;
    while (pos + 8 <= file.size() && meta.u16(pos) == 0x0002) {
        const quint16 element = meta.u16(pos + 2);
        const char a = file.at(pos + 4), b = file.at(pos + 5);
        if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z')
            return corrupt(QStringLiteral("file meta element %1 has no valid VR").arg(tagText(2, element)));
        qsizetype header = 8;
        quint32 length = meta.u16(pos + 6);
        if (hasLongLength(a, b)) {
            if (pos + 12 > file.size())
                return corrupt(QStringLiteral("truncated in the file meta information"));
            header = 12;
            length = meta.u32(pos + 8);
        }
        if (length == kUndefined || qsizetype(length) > file.size() - pos - header)
            return corrupt(QStringLiteral("file meta element %1 claims %2 bytes, only %3 remain")
                               .arg(tagText(2, element))
                               .arg(length)
                               .arg(file.size() - pos - header));
        if (element == 0x0010)
            summary.transferSyntax =
                QString::fromLatin1(file.sliced(pos + header, length)).remove(QChar(0)).trimmed();
        pos += header + length;
    }
    if (summary.transferSyntax.isEmpty())
        return corrupt(QStringLiteral("no transfer syntax in the file meta information"));

    const QString &ts = summary.transferSyntax;
    if (ts == u"1.2.840.10008.1.2.1.99")
        return makeError(Error::Code::Unsupported,
                         QStringLiteral("deflated transfer syntax is not supported; inflate the file first"));
    const bool bigEndian = ts == u"1.2.840.10008.1.2.2";
    const bool explicitVr = ts != u"1.2.840.10008.1.2";
    const Reader data(file, bigEndian);

    QList<Container> open{Container{false, file.size(), explicitVr}};
    int sequenceDepth = 0;
    while (true) {
        Container &top = open.last();
        // Close every container whose defined length is used up.
        if (top.end >= 0 && pos >= top.end) {
            if (pos > top.end)
                return corrupt(QStringLiteral("an element runs past the end of its sequence or item"));
            if (open.size() == 1)
                break;
            if (top.isSequence)
                --sequenceDepth;
            open.removeLast();
            continue;
        }
        if (pos + 8 > file.size())
            return corrupt(open.size() == 1 ? QStringLiteral("truncated inside an element header")
                                            : QStringLiteral("truncated: a sequence or item is not closed"));
        const quint16 group = data.u16(pos);
        const quint16 element = data.u16(pos + 2);
        ++summary.elements;
        if (group == kItemGroup) {
            const quint32 length = data.u32(pos + 4);
            pos += 8;
            if (element == kItem) {
                if (!top.isSequence)
                    return corrupt(QStringLiteral("an item outside a sequence"));
                if (length == kUndefined) {
                    open.append(Container{false, -1, top.explicitVr});
                } else {
                    if (qsizetype(length) > (top.end >= 0 ? top.end : file.size()) - pos)
                        return corrupt(QStringLiteral("an item claims %1 bytes, only %2 remain")
                                           .arg(length)
                                           .arg((top.end >= 0 ? top.end : file.size()) - pos));
                    open.append(Container{false, pos + qsizetype(length), top.explicitVr});
                }
                continue;
            }
            if (element == kItemEnd || element == kSequenceEnd) {
                const bool closesItem = element == kItemEnd;
                if (top.isSequence == closesItem || top.end >= 0 || open.size() == 1)
                    return corrupt(
                        QStringLiteral("a misplaced %1 delimiter")
                            .arg(closesItem ? QStringLiteral("item") : QStringLiteral("sequence")));
                if (top.isSequence)
                    --sequenceDepth;
                open.removeLast();
                continue;
            }
            return corrupt(QStringLiteral("unknown delimiter %1").arg(tagText(group, element)));
        }
        if (top.isSequence)
            return corrupt(QStringLiteral("element %1 directly inside a sequence (items expected)")
                               .arg(tagText(group, element)));
        qsizetype header = 8;
        quint32 length = 0;
        bool isSequence = false;
        bool childExplicit = top.explicitVr;
        if (top.explicitVr) {
            const char a = file.at(pos + 4), b = file.at(pos + 5);
            if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z')
                return corrupt(QStringLiteral("element %1 has an invalid VR").arg(tagText(group, element)));
            if (hasLongLength(a, b)) {
                if (pos + 12 > file.size())
                    return corrupt(QStringLiteral("truncated inside an element header"));
                header = 12;
                length = data.u32(pos + 8);
            } else {
                length = data.u16(pos + 6);
            }
            isSequence = (a == 'S' && b == 'Q');
            const bool unknown = (a == 'U' && b == 'N');
            const bool pixelData = group == 0x7FE0 && element == 0x0010;
            if (length == kUndefined) {
                if (!isSequence && !unknown && !pixelData)
                    return corrupt(QStringLiteral("element %1 has an undefined length but is not a sequence")
                                       .arg(tagText(group, element)));
                isSequence = true; // encapsulated pixel data and UN sequences hold items too
                if (unknown)
                    childExplicit = false; // PS3.5 6.2.2: its content is implicit VR little endian
            }
        } else {
            length = data.u32(pos + 4);
            // Implicit VR: a sequence is recognised by undefined length or by an item tag first.
            isSequence =
                length == kUndefined || (length >= 8 && pos + 12 <= file.size() &&
                                         data.u16(pos + 8) == kItemGroup && data.u16(pos + 10) == kItem);
        }
        const qsizetype start = pos;
        pos += header;
        const qsizetype room = (top.end >= 0 ? top.end : file.size()) - pos;
        if (length != kUndefined && qsizetype(length) > room)
            return corrupt(QStringLiteral("element %1 claims %2 bytes, only %3 remain (truncated or corrupt)")
                               .arg(tagText(group, element))
                               .arg(length)
                               .arg(room));
        if (!isSequence) {
            if (open.size() == 1 && group == 0x7FE0 && element == 0x0010 && length % 2 == 0 &&
                (!top.explicitVr ||
                 (file.at(start + 4) == 'O' && (file.at(start + 5) == 'B' || file.at(start + 5) == 'W')))) {
                summary.pixelDataStart = start;
                summary.pixelDataValue = pos;
            } else if (open.size() == 1) {
                summary.pixelDataStart = summary.pixelDataValue = -1; // something follows it
            }
            pos += length;
            continue;
        }
        if (open.size() == 1)
            summary.pixelDataStart = summary.pixelDataValue = -1;
        if (++sequenceDepth > maxSequenceDepth)
            return corrupt(QStringLiteral("sequences nested deeper than %1 levels").arg(maxSequenceDepth));
        summary.deepestSequence = std::max(summary.deepestSequence, sequenceDepth);
        open.append(Container{true, length == kUndefined ? -1 : pos + qsizetype(length), childExplicit});
    }
    return summary;
}

} // namespace mdp::deid
