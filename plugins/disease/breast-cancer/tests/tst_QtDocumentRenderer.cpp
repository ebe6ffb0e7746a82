// The demo cohort's files (JH/CAA 008-2025 Appendix A: pathology reports, RT dose summaries with an
// organ-at-risk table, pictures) are rendered in memory, pass the registry's content check and reach
// the disk only encrypted through the vault, attached to their timeline events (R-6.1.2c).
// Runs on the offscreen platform (QGuiApplication).

#include "mdp/cohort/CohortGenerator.h"
#include "mdp/cohort/CohortImporter.h"
#include "mdp/cohort/QtDocumentRenderer.h"
#include "mdp/registry/AttachmentInspector.h"
#include "mdp/registry/Registry.h"
#include "mdp/store/Vault.h"
#include "mdp/workspace/Workspace.h"
#include "mdp/workspace/WorkspaceDemoTarget.h"

#include <QDirIterator>
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;
using namespace mdp::cohort;
using registry::AttachmentInspector;

namespace {

const SyntheticDocument *firstDocument(const QList<SyntheticPatient> &cohort, SyntheticDocument::Kind kind)
{
    for (const auto &p : cohort) {
        for (const auto &e : p.events) {
            for (const auto &d : e.documents) {
                if (d.kind == kind)
                    return &d;
            }
        }
    }
    return nullptr;
}

QList<SyntheticPatient> cohortOf(int patients)
{
    CohortOptions o;
    o.patients = patients;
    o.seed = 42;
    return CohortGenerator(o).generate();
}

// Files below `root` whose bytes contain `needle`.
QStringList filesContaining(const QString &root, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits << path;
    }
    return hits;
}

} // namespace

class tst_QtDocumentRenderer : public QObject
{
    Q_OBJECT

    QtDocumentRenderer m_renderer;

private Q_SLOTS:
    void pathologyReportIsAPdfTheRegistryAccepts()
    {
        const auto cohort = cohortOf(3);
        const SyntheticDocument *doc = firstDocument(cohort, SyntheticDocument::Kind::PathologyReport);
        QVERIFY(doc);
        QVERIFY(!doc->pathology.markers.isEmpty());
        auto pdf = m_renderer.renderPathologyReport(doc->pathology);
        QVERIFY2(pdf.ok(), qPrintable(pdf.ok() ? QString() : pdf.error().message));
        QVERIFY(pdf->startsWith("%PDF-"));
        QVERIFY(pdf->size() > 4000); // text with embedded CJK glyphs, not an empty page
        QVERIFY(AttachmentInspector::check(pdf.value(), QStringLiteral("application/pdf")).ok());
        QCOMPARE(AttachmentInspector::describe(pdf.value()), AttachmentInspector::describe("%PDF-1.4\n"));
    }

    void doseSummaryIsAPdfTheRegistryAccepts()
    {
        const auto cohort = cohortOf(3);
        const SyntheticDocument *doc = firstDocument(cohort, SyntheticDocument::Kind::DoseSummary);
        QVERIFY(doc);
        QVERIFY(doc->dose.metrics.size() >= 6); // heart mean dose, lung V20 ... (organ-at-risk table)
        auto pdf = m_renderer.renderDoseSummary(doc->dose);
        QVERIFY(pdf.ok());
        QVERIFY(AttachmentInspector::check(pdf.value(), QStringLiteral("application/pdf")).ok());
    }

    void picturesArePngsThatDependOnlyOnTheirArguments()
    {
        for (ImageKind kind : {ImageKind::BreastUltrasound, ImageKind::DoseDistribution}) {
            auto a = m_renderer.renderImage(kind, 1234, 28, true);
            auto b = m_renderer.renderImage(kind, 1234, 28, true);
            auto c = m_renderer.renderImage(kind, 1235, 28, true);
            QVERIFY(a.ok() && b.ok() && c.ok());
            QCOMPARE(a.value(), b.value());
            QVERIFY(a.value() != c.value());
            QVERIFY(AttachmentInspector::check(a.value(), QStringLiteral("image/png")).ok());
            const QImage image = QImage::fromData(a.value(), "PNG");
            QVERIFY(!image.isNull());
            QVERIFY(image.width() >= 512 && image.height() >= 480);
        }
    }

    // R-6.1.2c: the files are attached to their events, stored encrypted, and read back intact.
    void importedDocumentsAreAttachedEncryptedAndDecode()
    {
        QTemporaryDir dir;
        workspace::CreateOptions o;
        o.directory = QDir(dir.path()).filePath(QStringLiteral("ws"));
        o.passphrase = SecureBytes(QByteArrayView("cohort documents test 2026"));
        o.pageCipher = QStringLiteral("aes-256-cbc");
        o.blobCipher = QStringLiteral("aes-256-gcm");
        auto created = workspace::Workspace::create(o);
        QVERIFY(created.ok());
        auto &ws = *created.value();
        QVERIFY(ws.beginCustodianSession().ok());
        const QString actor = ws.custodianId().toString(QUuid::WithoutBraces);

        const auto cohort = cohortOf(12);
        workspace::WorkspaceDemoTarget target(ws);
        CohortImporter importer(target);
        importer.setDocuments(&m_renderer, 5); // records 0, 5 and 10
        auto report = importer.run(cohort);
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toString()));

        int expected = 0;
        for (int i : {0, 5, 10}) {
            for (const auto &e : cohort.at(i).events)
                expected += int(e.documents.size());
        }
        QVERIFY(expected >= 6);
        QCOMPARE(report->documents, expected);

        int attached = 0, pdfs = 0, pngs = 0;
        const auto page = ws.registry().patients(actor, registry::PageRequest{0, 50, false});
        QVERIFY(page.ok());
        for (const auto &patient : page->patients) {
            auto timeline = ws.registry().events(actor, patient.id);
            QVERIFY(timeline.ok());
            for (const auto &event : timeline.value()) {
                for (const auto &a : event.attachments) {
                    ++attached;
                    auto bytes = ws.readFile(a.blobId);
                    QVERIFY(bytes.ok());
                    QCOMPARE(bytes->size(), a.size);
                    QVERIFY(AttachmentInspector::check(bytes.value(), a.mediaType).ok());
                    if (a.mediaType == QStringLiteral("application/pdf")) {
                        ++pdfs;
                        QVERIFY(bytes->startsWith("%PDF-"));
                        QVERIFY(event.content.type == registry::EventType::BiopsyPathology ||
                                event.content.type == registry::EventType::RadiotherapyCourse);
                    } else {
                        ++pngs;
                        QVERIFY(!QImage::fromData(bytes.value(), "PNG").isNull());
                    }
                }
            }
        }
        QCOMPARE(attached, expected);
        QVERIFY(pdfs > 0 && pngs > 0);
        // Nothing readable on disk: no PDF header, no patient name in any workspace file.
        QVERIFY(filesContaining(o.directory, "%PDF-").isEmpty());
        QVERIFY(filesContaining(o.directory, cohort.first().draft.name.display().toUtf8()).isEmpty());
    }
};

QTEST_MAIN(tst_QtDocumentRenderer)
#include "tst_QtDocumentRenderer.moc"
