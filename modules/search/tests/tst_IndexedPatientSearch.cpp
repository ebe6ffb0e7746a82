#include "mdp/search/IndexedPatientSearch.h"
#include "mdp/search/PatientSearchIndex.h"
#include "mdp/search/RegistrySearchRecords.h"
#include "mdp/text/Pinyin.h"

#include <QJsonArray>
#include <QTest>

using namespace mdp;
using namespace mdp::search;

namespace {

class RecordingSink final : public registry::RegistryAuditSink
{
public:
    void record(const registry::RegistryAuditRecord &record) override { records.append(record); }
    QList<registry::RegistryAuditRecord> records;
};

registry::Patient registryPatient(int n, const QString &pseudonym, const QString &family,
                                  const QString &given, registry::Sex sex)
{
    registry::Patient p;
    p.id = QUuid(uint(n), 0, 0, 0, 0, 0, 0, 0, 0, 0, 3);
    p.pseudonymId = pseudonym;
    p.name.family = family;
    p.name.given = given;
    const text::PinyinName reading = text::toPinyinName(family, given);
    p.pinyin = reading.full;
    p.pinyinInitials = reading.initials;
    p.sex = sex;
    p.birthDate = QDate(1968, 5, n);
    return p;
}

registry::TimelineEvent diagnosisEvent(const registry::Patient &p, registry::EventType type,
                                       const QString &title, const QJsonObject &payload)
{
    registry::TimelineEvent e;
    e.id = QUuid::createUuid();
    e.patientId = p.id;
    e.content.type = type;
    e.content.title = title;
    e.content.payload = payload;
    return e;
}

} // namespace

class tst_IndexedPatientSearch : public QObject
{
    Q_OBJECT

    PatientSearchIndex m_index;
    registry::Patient m_zhang, m_wang, m_merged;

private Q_SLOTS:
    void initTestCase()
    {
        m_zhang = registryPatient(1, u"P-ABCDEFGHJKLM"_qs, u"张"_qs, u"伟"_qs, registry::Sex::Female);
        m_wang = registryPatient(2, u"P-NPQRSTUVWXYZ"_qs, u"王"_qs, u"小明"_qs, registry::Sex::Male);
        m_merged = registryPatient(3, u"P-ZZZZZZZZZZZZ"_qs, u"张"_qs, u"伟"_qs, registry::Sex::Female);
        m_merged.mergedInto = m_zhang.id;
        const QList<registry::TimelineEvent> zhangEvents{
            diagnosisEvent(m_zhang, registry::EventType::Diagnosis, u"左乳浸润性导管癌"_qs,
                           QJsonObject{{u"icd10"_qs, u"C50.4"_qs}, {u"molecular_subtype"_qs, u"TNBC"_qs}}),
            diagnosisEvent(m_zhang, registry::EventType::BiopsyPathology, u"穿刺活检"_qs,
                           QJsonObject{{u"codes"_qs, QJsonArray{u"8500/3"_qs}}}),
            diagnosisEvent(m_zhang, registry::EventType::Surgery, u"改良根治术"_qs, QJsonObject{}),
        };
        m_index.rebuild(QList<PatientSearchRecord>{searchRecordFor(m_zhang, zhangEvents),
                                                   searchRecordFor(m_wang, {}),
                                                   searchRecordFor(m_merged, {})});
    }

    void recordTakesDiagnosesFromDiagnosisAndPathologyEventsOnly()
    {
        registry::TimelineEvent removed =
            diagnosisEvent(m_zhang, registry::EventType::Diagnosis, u"旧诊断"_qs, {});
        removed.removed = true;
        const PatientSearchRecord r = searchRecordFor(
            m_zhang, {diagnosisEvent(m_zhang, registry::EventType::Diagnosis, u"浸润性导管癌"_qs,
                                     QJsonObject{{u"icd10"_qs, u"C50.4"_qs}, {u"subtype"_qs, u"TNBC"_qs}}),
                      diagnosisEvent(m_zhang, registry::EventType::Surgery, u"改良根治术"_qs, {}), removed});
        QCOMPARE(r.diagnoses, (QStringList{u"浸润性导管癌"_qs, u"TNBC"_qs}));
        QCOMPARE(r.diagnosisCodes, QStringList{u"C50.4"_qs});
        QCOMPARE(r.sex, u'F');
        QCOMPARE(r.pinyin, u"zhangwei"_qs);
        QCOMPARE(r.displayName, u"张伟"_qs);
    }

    // R-6.4.1a through the registry's interface: ranked hits, registry field names, audit.
    void searchAnswersThroughTheRegistryInterface()
    {
        RecordingSink sink;
        IndexedPatientSearch search(m_index, sink);
        registry::SearchFilter clinician;
        clinician.identityVisible = true;
        auto hits = search.search(u"zhangwei"_qs, 20, clinician);
        QVERIFY(hits.ok());
        QCOMPARE(hits->size(), 1); // the merged record stays hidden
        QCOMPARE(hits->front().patientId, m_zhang.id);
        QCOMPARE(hits->front().displayName, u"张伟"_qs);
        QCOMPARE(hits->front().matchedField, u"pinyin"_qs);
        QCOMPARE(hits->front().sex, registry::Sex::Female);
        QCOMPARE(hits->front().birthDate, m_zhang.birthDate);

        QCOMPARE(sink.records.size(), 1);
        QCOMPARE(sink.records.front().type, u"patient.query"_qs);
        QCOMPARE(sink.records.front().patients, QStringList{u"P-ABCDEFGHJKLM"_qs});
        QVERIFY(!sink.records.front().detail.contains(u"query"_qs)); // the typed text never reaches the log

        hits = search.search(u"导管癌"_qs, 20, clinician);
        QCOMPARE(hits->size(), 1);
        QCOMPARE(hits->front().matchedField, u"diagnosis"_qs);
        hits = search.search(u"C50.4"_qs, 20, clinician);
        QCOMPARE(hits->size(), 1);
        hits = search.search(u"8500/3"_qs, 20, clinician);
        QCOMPARE(hits->size(), 1);
    }

    void scoresDecreaseDownTheList()
    {
        RecordingSink sink;
        IndexedPatientSearch search(m_index, sink);
        registry::SearchFilter f;
        f.identityVisible = true;
        f.includeMerged = true;
        const auto hits = search.search(u"P-"_qs, 20, f);
        QCOMPARE(hits->size(), 3);
        for (qsizetype i = 1; i < hits->size(); ++i)
            QVERIFY(hits->at(i - 1).score > hits->at(i).score);
        QCOMPARE(search.search(u"P-ABCDEFGHJKLM"_qs, 20, f)->front().score, 100.0);
    }

    // R-6.4.1a/b: the registry filter's identity flag, sex and permission verdict apply.
    void registryFilterIsHonoured()
    {
        RecordingSink sink;
        IndexedPatientSearch search(m_index, sink);
        registry::SearchFilter researcher; // identityVisible = false
        QVERIFY(search.search(u"zhangwei"_qs, 20, researcher)->isEmpty());
        QVERIFY(search.search(u"王小明"_qs, 20, researcher)->isEmpty());
        const auto byId = search.search(u"P-NPQRSTUVWXYZ"_qs, 20, researcher);
        QCOMPARE(byId->size(), 1);
        QVERIFY(byId->front().displayName.isEmpty());

        registry::SearchFilter men;
        men.identityVisible = true;
        men.sex = registry::Sex::Male;
        QCOMPARE(search.search(u"P-"_qs, 20, men)->size(), 1);

        registry::SearchFilter denied;
        denied.identityVisible = true;
        denied.mayAccess = [&](const QUuid &id) { return id != m_wang.id; };
        QVERIFY(search.search(u"wxm"_qs, 20, denied)->isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_IndexedPatientSearch)
#include "tst_IndexedPatientSearch.moc"
