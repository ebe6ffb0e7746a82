#include "mdp/viewer/MediaTypeSniffer.h"

#include <QtTest>

using namespace mdp;
using namespace mdp::viewer;

namespace {

QByteArray dicomPart10()
{
    QByteArray bytes(128, '\0');
    bytes += "DICM";
    bytes += QByteArray::fromHex("02000000554c0400");
    return bytes;
}

const QByteArray Png = QByteArray::fromHex("89504e470d0a1a0a0000000d49484452");
const QByteArray Jpeg = QByteArray::fromHex("ffd8ffe000104a464946");

} // namespace

class tst_MediaTypeSniffer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // R-6.4.4a-c: the content decides what is previewed, not the label.
    void signaturesAreRecognisedFromContent()
    {
        QCOMPARE(MediaTypeSniffer::sniff(QByteArrayLiteral("%PDF-1.7\n")), DocumentKind::Pdf);
        QCOMPARE(MediaTypeSniffer::sniff(Png), DocumentKind::Png);
        QCOMPARE(MediaTypeSniffer::sniff(Jpeg), DocumentKind::Jpeg);
        QCOMPARE(MediaTypeSniffer::sniff(dicomPart10()), DocumentKind::Dicom);
        QCOMPARE(MediaTypeSniffer::sniff(QByteArrayLiteral("PK\x03\x04 not a document")),
                 DocumentKind::Unknown);
        QCOMPARE(MediaTypeSniffer::sniff(QByteArray()), DocumentKind::Unknown);
    }

    void pdfHeaderMayFollowLeadingJunkWithinTheFirstKilobyte()
    {
        QCOMPARE(MediaTypeSniffer::sniff(QByteArray(600, ' ') + "%PDF-1.4"), DocumentKind::Pdf);
        QCOMPARE(MediaTypeSniffer::sniff(QByteArray(2000, ' ') + "%PDF-1.4"), DocumentKind::Unknown);
    }

    void mediaTypeAliasesAndParametersAreUnderstood()
    {
        QCOMPARE(MediaTypeSniffer::fromMediaType(QStringLiteral("Application/PDF; charset=binary")),
                 DocumentKind::Pdf);
        QCOMPARE(MediaTypeSniffer::fromMediaType(QStringLiteral("image/jpg")), DocumentKind::Jpeg);
        QCOMPARE(MediaTypeSniffer::fromMediaType(QStringLiteral("application/dicom")), DocumentKind::Dicom);
        QCOMPARE(MediaTypeSniffer::fromMediaType(QStringLiteral("text/html")), DocumentKind::Unknown);
        QCOMPARE(MediaTypeSniffer::mediaType(DocumentKind::Png), QStringLiteral("image/png"));
        QCOMPARE(MediaTypeSniffer::fromFileName(QStringLiteral("report.final.PDF")), DocumentKind::Pdf);
        QCOMPARE(MediaTypeSniffer::fromFileName(QStringLiteral("pdf")), DocumentKind::Unknown);
    }

    void unlabelledContentIsTakenForWhatItIs()
    {
        const auto kind = MediaTypeSniffer::resolve(Png, QStringLiteral("application/octet-stream"));
        QVERIFY(kind.ok());
        QCOMPARE(*kind, DocumentKind::Png);
        // A wrong extension alone does not stop a real image: names are often wrong, content is not.
        const auto named = MediaTypeSniffer::resolve(Jpeg, QString(), QStringLiteral("scan.png"));
        QVERIFY(named.ok());
        QCOMPARE(*named, DocumentKind::Jpeg);
    }

    // R-6.4.4a-c: "a file that claims to be PDF but is not" is refused with a reason.
    void fileLabelledPdfThatIsNotIsRefused()
    {
        const auto kind =
            MediaTypeSniffer::resolve(QByteArrayLiteral("GIF89a...."), QStringLiteral("application/pdf"));
        QVERIFY(!kind.ok());
        QCOMPARE(kind.error().code, Error::Code::Corrupt);
        QCOMPARE(kind.error().message,
                 QStringLiteral("the file is labelled as a PDF but its content is not one"));
    }

    void labelContradictedByOtherContentIsRefused()
    {
        const auto kind =
            MediaTypeSniffer::resolve(QByteArrayLiteral("%PDF-1.4\n"), QStringLiteral("image/png"));
        QVERIFY(!kind.ok());
        QCOMPARE(kind.error().message,
                 QStringLiteral("the file is labelled as a PNG image but its content is a PDF"));
    }

    void fileNamedLikeAPdfWithoutPdfContentIsRefused()
    {
        const auto kind =
            MediaTypeSniffer::resolve(QByteArrayLiteral("hello"), QString(), QStringLiteral("a.pdf"));
        QVERIFY(!kind.ok());
        QCOMPARE(kind.error().message,
                 QStringLiteral("the file is named like a PDF but its content is not one"));
    }

    void unknownAndEmptyContentAreRefused()
    {
        const auto unknown =
            MediaTypeSniffer::resolve(QByteArrayLiteral("hello"), QStringLiteral("text/plain"));
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code, Error::Code::Unsupported);
        QVERIFY(unknown.error().message.contains(QStringLiteral("text/plain")));
        const auto empty = MediaTypeSniffer::resolve(QByteArray(), QStringLiteral("application/pdf"));
        QVERIFY(!empty.ok());
        QCOMPARE(empty.error().message, QStringLiteral("the file is empty"));
    }

    void dicomIsRecognisedAndADicomLabelOnOtherBytesIsNot()
    {
        const auto dicom = MediaTypeSniffer::resolve(dicomPart10(), QStringLiteral("application/dicom"));
        QVERIFY(dicom.ok());
        QCOMPARE(*dicom, DocumentKind::Dicom);
        const auto fake =
            MediaTypeSniffer::resolve(QByteArray(200, 'x'), QStringLiteral("application/dicom"));
        QVERIFY(!fake.ok());
        QCOMPARE(fake.error().message,
                 QStringLiteral("the file is labelled as a DICOM file but its content is not one"));
    }
};

QTEST_GUILESS_MAIN(tst_MediaTypeSniffer)
#include "tst_MediaTypeSniffer.moc"
