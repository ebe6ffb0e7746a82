#include "mdp/search/PatientSearchIndex.h"
#include "mdp/search/SearchResultModel.h"
#include "mdp/search/SearchRunner.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace mdp::search;

namespace {

PatientSearchRecord patient(int n, const QString &family, const QString &given, const QStringList &diagnoses)
{
    PatientSearchRecord r;
    r.patientId = QUuid(uint(n), 0, 0, 0, 0, 0, 0, 0, 0, 0, 2);
    r.pseudonymId = u"P-TEST%1"_qs.arg(n, 6, 10, QLatin1Char('0'));
    r.familyName = family;
    r.givenName = given;
    r.diagnoses = diagnoses;
    return r;
}

} // namespace

class tst_SearchResultModel : public QObject
{
    Q_OBJECT

    PatientSearchIndex m_index;

    bool waitForFinished(QSignalSpy &spy, quint64 generation)
    {
        for (int attempt = 0; attempt < 50; ++attempt) {
            for (const QList<QVariant> &args : std::as_const(spy)) {
                if (args.at(0).toULongLong() == generation)
                    return true;
            }
            spy.wait(200);
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QList<PatientSearchRecord> records;
        for (int i = 0; i < 200; ++i)
            records << patient(i, i % 2 ? u"张"_qs : u"王"_qs, u"芳"_qs,
                               {i % 3 ? u"TNBC"_qs : u"浸润性导管癌"_qs});
        m_index.rebuild(records);
    }

    // R-6.4.1a: results stream into the model as the user types; a new query replaces them.
    void modelFollowsTheRunnerAndPassesTheModelTester()
    {
        SearchRunner runner(m_index);
        SearchFilter f;
        f.identityAccess = IdentityAccess::Standard;
        runner.setFilter(f);
        runner.setLimit(30);
        SearchResultModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.follow(&runner);
        QSignalSpy finished(&runner, &SearchRunner::finished);

        const quint64 first = runner.search(u"zhang"_qs);
        QVERIFY(waitForFinished(finished, first));
        QCoreApplication::processEvents(); // deliver queued batches
        QCOMPARE(model.rowCount(), 30);
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.hit(row).rank, row);
            QCOMPARE(model.data(model.index(row), SearchResultModel::DisplayNameRole).toString(), u"张芳"_qs);
        }

        const quint64 second = runner.search(u"导管"_qs);
        QVERIFY(second > first);
        QCOMPARE(model.rowCount(), 0); // cleared at once, before any new batch
        QVERIFY(waitForFinished(finished, second));
        QCoreApplication::processEvents();
        QCOMPARE(model.rowCount(), 30);
        QCOMPARE(model.data(model.index(0), SearchResultModel::MatchFieldRole).toString(), u"diagnosis"_qs);
        QVERIFY(model.data(model.index(0), Qt::DisplayRole).toString().startsWith(u"P-TEST"_qs));
    }

    void batchesOfASupersededQueryAreIgnored()
    {
        SearchResultModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reset(2);
        SearchHit h;
        h.pseudonymId = u"P-OLD"_qs;
        model.appendHits(1, {h});
        QCOMPARE(model.rowCount(), 0);
        model.appendHits(2, {h, h});
        QCOMPARE(model.rowCount(), 2);
        model.reset(3);
        QCOMPARE(model.rowCount(), 0);
    }

    // R-6.4.1a: each keystroke cancels the query before it; only the last query's hits remain.
    void rapidTypingLeavesOnlyTheLastQuerysHits()
    {
        SearchRunner runner(m_index);
        SearchFilter f;
        f.identityAccess = IdentityAccess::Standard;
        runner.setFilter(f);
        runner.setLimit(500);
        SearchResultModel model;
        model.follow(&runner);
        QSignalSpy finished(&runner, &SearchRunner::finished);
        quint64 last = 0;
        for (const QString &q : {u"w"_qs, u"wa"_qs, u"wan"_qs, u"wang"_qs})
            last = runner.search(q);
        QVERIFY(waitForFinished(finished, last));
        QVERIFY(runner.waitForDone(5000));
        QCoreApplication::processEvents();
        QCOMPARE(model.generation(), last);
        QCOMPARE(model.rowCount(), 100);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.hit(row).pinyin, u"wangfang"_qs);
    }
};

QTEST_GUILESS_MAIN(tst_SearchResultModel)
#include "tst_SearchResultModel.moc"
