#include "mdp/forms/FormStoreBenchmarks.h"

#include "../../core/src/FormsLogging.h"
#include "mdp/forms/DefaultTemplates.h"
#include "mdp/forms/FormsAuditSink.h"
#include "mdp/forms/RecordDiff.h"
#include "mdp/forms/SqlCipherFormStore.h"
#include "mdp/store/Database.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <algorithm>

namespace mdp::forms {

namespace {

class NullSink final : public FormsAuditSink
{
public:
    void record(const FormsAuditRecord &) override {}
};

double percentile(QList<double> samples, double p)
{
    if (samples.isEmpty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const qsizetype i =
        qBound<qsizetype>(0, qsizetype(p * double(samples.size() - 1) + 0.5), samples.size() - 1);
    return samples.at(i);
}

QJsonObject baselineValues(int i)
{
    return QJsonObject{{QStringLiteral("diagnosisDate"), QStringLiteral("2025-06-12")},
                       {QStringLiteral("ageAtDiagnosis"), 48},
                       {QStringLiteral("laterality"), QStringLiteral("left")},
                       {QStringLiteral("pathologyType"), QStringLiteral("8500/3")},
                       {QStringLiteral("cT"), QStringLiteral("T2")},
                       {QStringLiteral("cN"), QStringLiteral("N1")},
                       {QStringLiteral("cM"), QStringLiteral("M0")},
                       {QStringLiteral("clinicalStage"), QStringLiteral("IIB")},
                       {QStringLiteral("erPercent"), 60 + i % 30},
                       {QStringLiteral("prPercent"), 30},
                       {QStringLiteral("her2Ihc"), QStringLiteral("1+")},
                       {QStringLiteral("ki67Percent"), 10 + i % 40}};
}

} // namespace

QList<BenchLine> runFormStoreBenchmarks(const QString &scratchDir, int versions)
{
    QList<BenchLine> lines;
    versions = qMax(versions, 8);
    const QString path = QDir(scratchDir).filePath(QStringLiteral("forms-bench.db"));
    QFile::remove(path);
    store::Database::Options options;
    options.path = path;
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(key.begin(), key.end()); // scratch data, thrown away
    options.key = SecureBytes::takeFrom(key);
    options.create = true;
    auto db = store::Database::open(std::move(options));
    if (!db) {
        qCWarning(lcForms) << "forms benchmark: database:" << db.error().toString();
        return lines;
    }
    NullSink sink;
    SystemClock &clock = SystemClock::instance();
    auto roles = [](const QString &id) {
        if (id == u"clin")
            return QStringList{QStringLiteral("clinician")};
        if (id == u"rev")
            return QStringList{QStringLiteral("reviewer")};
        return QStringList{QStringLiteral("data-manager")};
    };
    auto store = SqlCipherFormStore::open(*db.value(), sink, clock, roles, [] { return QStringList(); });
    if (!store)
        return lines;
    SqlCipherFormStore &s = *store.value();
    QByteArray templateJson;
    const QStringList ids = defaultTemplateIds();
    const QList<QByteArray> jsons = defaultTemplateJson();
    for (qsizetype i = 0; i < ids.size() && i < jsons.size(); ++i) {
        if (ids.at(i) == u"breast-baseline")
            templateJson = jsons.at(i);
    }
    auto def = s.importDefinition(QStringLiteral("dm"), templateJson);
    if (!def ||
        !s.setReviewerProfile(QStringLiteral("dm"), ReviewerProfile{QStringLiteral("rev"), {}, {}, {}})) {
        qCWarning(lcForms) << "forms benchmark: setup failed";
        return lines;
    }
    NewRecord n;
    n.formId = def->id;
    n.patientId = QUuid::createUuid();
    n.patientPseudonym = QStringLiteral("P-BENCHAAAAAAA");
    n.values = baselineValues(0);
    auto r = s.createDraft(QStringLiteral("clin"), n);
    if (!r)
        return lines;
    // Cycles of submit, approve, amend, edit until the record has `versions` versions and ends
    // approved, so its last two formal versions differ.
    FormRecord current = r.value();
    for (int cycle = 1; current.revision < versions || current.status != RecordStatus::Approved; ++cycle) {
        auto submitted = s.submit(QStringLiteral("clin"), current.id, current.revision);
        if (!submitted)
            return lines;
        auto approved = s.approve(QStringLiteral("rev"), current.id, submitted->revision);
        if (!approved)
            return lines;
        current = approved.value();
        if (current.revision >= versions)
            break;
        auto amended = s.amend(QStringLiteral("clin"), current.id, current.revision, QStringLiteral("bench"));
        if (!amended)
            return lines;
        auto saved =
            s.saveDraft(QStringLiteral("clin"), current.id, baselineValues(cycle), amended->revision);
        if (!saved)
            return lines;
        current = saved.value();
    }

    constexpr int kIterations = 200;
    QList<double> opened, raw;
    qsizetype rows = 0;
    int changes = 0;
    for (int i = 0; i < kIterations; ++i) {
        QElapsedTimer t;
        t.start();
        auto rec = s.record(QStringLiteral("rev"), current.id);
        auto history = s.history(QStringLiteral("rev"), current.id);
        auto form = s.definition(rec->formId, rec->formVersion);
        const RecordVersion *last = nullptr;
        const RecordVersion *previous = nullptr;
        for (const RecordVersion &v : history.value()) {
            if (v.formalVersion > 0) {
                previous = last;
                last = &v;
            }
        }
        const auto diff = diffRecords(form.value(), previous->values, last->values);
        opened << double(t.nsecsElapsed()) / 1000.0;
        changes = int(diff.size());
        rows = history->size() + 1;

        QElapsedTimer b;
        b.start();
        auto one = db.value()->queryOne(
            QStringLiteral("SELECT values_json, formal_json FROM forms_records WHERE id = ?1"),
            {current.id.toString(QUuid::WithoutBraces)});
        auto all = db.value()->query(
            QStringLiteral("SELECT values_json FROM forms_record_versions WHERE record_id = ?1"),
            {current.id.toString(QUuid::WithoutBraces)});
        int parsed = QJsonDocument::fromJson(one.value()->at(0).toString().toUtf8()).object().size();
        for (const auto &row : all.value())
            parsed += QJsonDocument::fromJson(row.at(0).toString().toUtf8()).object().size();
        raw << double(b.nsecsElapsed()) / 1000.0;
        if (parsed < 0)
            break;
    }
    BenchLine line;
    line.bench = QStringLiteral("forms");
    line.caseName = QStringLiteral("open-record-%1-versions-with-diff").arg(versions);
    line.unit = QStringLiteral("us");
    line.value = percentile(opened, 0.5);
    line.baseline = QStringLiteral("same rows of raw JSON read and parsed from the same database");
    line.baselineValue = percentile(raw, 0.5);
    line.higherIsBetter = false;
    line.extra = QJsonObject{{QStringLiteral("versions"), current.revision},
                             {QStringLiteral("rows"), rows},
                             {QStringLiteral("formal_versions"), current.formalVersion},
                             {QStringLiteral("changed_fields"), changes},
                             {QStringLiteral("iterations"), kIterations},
                             {QStringLiteral("p95_us"), percentile(opened, 0.95)},
                             {QStringLiteral("baseline_p95_us"), percentile(raw, 0.95)},
                             {QStringLiteral("cipher"), store::pageCipherName(db.value()->cipher())},
                             {QStringLiteral("audit"), QStringLiteral("not included (null sink)")}};
    lines << line;
    db.value().reset();
    QFile::remove(path);
    return lines;
}

} // namespace mdp::forms
