#include "BreastCancerPack.h"

#include "mdp/cohort/CohortGenerator.h"
#include "mdp/cohort/CohortImporter.h"
#include "mdp/cohort/DemoRecords.h"
#include "mdp/cohort/FormTemplates.h"
#include "mdp/cohort/QtDocumentRenderer.h"
#include "mdp/disease/DemoTarget.h"

#include <QGuiApplication>

#include <memory>

namespace mdp::cohort {

QString BreastCancerPack::packId() const
{
    return QStringLiteral("breast-cancer");
}

QString BreastCancerPack::title(QStringView language) const
{
    if (language.startsWith(u"zh", Qt::CaseInsensitive))
        return QStringLiteral("乳腺癌（新辅助放疗联合免疫治疗）");
    return QStringLiteral("Breast cancer (neoadjuvant radiotherapy with immunotherapy)");
}

QList<QByteArray> BreastCancerPack::formTemplates() const
{
    return formTemplateJson();
}

bool BreastCancerPack::hasDemoCohort() const
{
    return true;
}

Result<disease::DemoCohortReport>
BreastCancerPack::importDemoCohort(disease::DemoTarget &target, const disease::DemoCohortRequest &request)
{
    CohortOptions options;
    options.patients = request.patients;
    options.seed = request.seed;
    options.asOf = request.asOf.isValid() ? request.asOf : target.today();
    const QList<SyntheticPatient> patients = CohortGenerator(options).generate();

    CohortImporter importer(target);
    // Painting PDFs and pictures needs a QGuiApplication (QPdfWriter, fonts); a headless process
    // imports the same records without their files.
    const bool canPaint = qobject_cast<QGuiApplication *>(QCoreApplication::instance()) != nullptr;
    std::unique_ptr<QtDocumentRenderer> renderer;
    if (request.documentEvery > 0 && canPaint) {
        renderer = std::make_unique<QtDocumentRenderer>();
        importer.setDocuments(renderer.get(), request.documentEvery);
    }
    if (request.progress)
        importer.setProgressHandler(
            [&request](const ImportProgress &p) { return request.progress(p.done, p.total); });
    auto imported = importer.run(patients);
    if (!imported)
        return imported.error();
    disease::DemoCohortReport report;
    report.patientsImported = imported->patientsImported;
    report.patientsSkipped = imported->patientsSkipped;
    report.events = imported->events;
    report.documents = imported->documents;
    report.duplicatesQueued = imported->duplicatesQueued;
    report.cancelled = imported->cancelled;
    report.documentsSkipped = request.documentEvery > 0 && !canPaint;
    report.elapsedMs = imported->elapsedMs;
    report.digest = CohortGenerator::digest(patients);
    return report;
}

Result<void> BreastCancerPack::seedDemoRecords(disease::DemoTarget &target)
{
    return cohort::seedDemoRecords(target);
}

} // namespace mdp::cohort
