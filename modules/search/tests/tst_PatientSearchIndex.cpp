#include "mdp/search/PatientSearchIndex.h"

#include <QTest>

#include <atomic>
#include <thread>

using namespace mdp::search;

namespace {

QUuid uuidFor(int n)
{
    return QUuid(uint(n), 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
}

PatientSearchRecord patient(int n, const QString &id, const QString &family, const QString &given,
                            const QStringList &diagnoses = {}, const QStringList &codes = {})
{
    PatientSearchRecord r;
    r.patientId = uuidFor(n);
    r.pseudonymId = id;
    r.familyName = family;
    r.givenName = given;
    r.diagnoses = diagnoses;
    r.diagnosisCodes = codes;
    r.sex = u'F';
    r.birthDate = QDate(1970, 1, 1).addDays(n);
    return r;
}

// Indexed patients, by number.
enum : int
{
    ZhangWei = 1,   // 张伟 zhangwei
    ZhangWei2,      // 张薇 zhangwei (same pinyin)
    ZhangWeiHomo,   // 章伟 zhangwei
    WangXiaoming,   // 王小明 wangxiaoming
    WangXiaomin,    // 王晓敏 wangxiaomin
    ShanTianfang,   // 单田芳 shantianfang (surname reading)
    LiNa,           // 李娜 lina
    LiNana,         // 李娜娜 linana
    GuoLina,        // 郭丽娜 guolina
    LiuNa,          // 刘娜 liuna
    ZhaoMin,        // 赵敏 zhaomin, restricted identity
    MergedZhangWei, // 张伟, merged into ZhangWei
    LiuQiang,       // 刘强, male
};

QList<PatientSearchRecord> cohort()
{
    QList<PatientSearchRecord> r;
    r << patient(ZhangWei, u"P-AAAA2222BBBB"_qs, u"张"_qs, u"伟"_qs, {u"浸润性导管癌"_qs, u"TNBC"_qs},
                 {u"C50.9"_qs})
      << patient(ZhangWei2, u"P-AAAA3333CCCC"_qs, u"张"_qs, u"薇"_qs, {u"浸润性小叶癌"_qs}, {u"C50.4"_qs})
      << patient(ZhangWeiHomo, u"P-DDDD5555EEEE"_qs, u"章"_qs, u"伟"_qs, {u"黏液癌"_qs}, {u"C50.1"_qs})
      << patient(WangXiaoming, u"P-QQQQ4444RRRR"_qs, u"王"_qs, u"小明"_qs,
                 {u"导管原位癌"_qs, u"Luminal A"_qs}, {u"D05.1"_qs})
      << patient(WangXiaomin, u"P-QQQQ7777SSSS"_qs, u"王"_qs, u"晓敏"_qs, {u"HER2阳性"_qs}, {u"C50.2"_qs})
      << patient(ShanTianfang, u"P-FFFF6666GGGG"_qs, u"单"_qs, u"田芳"_qs, {u"髓样癌"_qs}, {u"C50.3"_qs})
      << patient(LiNa, u"P-HHHH2345JJJJ"_qs, u"李"_qs, u"娜"_qs, {u"invasive ductal carcinoma"_qs},
                 {u"C50.5"_qs})
      << patient(LiNana, u"P-KKKK2345LLLL"_qs, u"李"_qs, u"娜娜"_qs, {}, {})
      << patient(GuoLina, u"P-MMMM2345NNNN"_qs, u"郭"_qs, u"丽娜"_qs, {}, {})
      << patient(LiuNa, u"P-PPPP2345QQQQ"_qs, u"刘"_qs, u"娜"_qs, {}, {});
    PatientSearchRecord zhao = patient(ZhaoMin, u"P-RRRR7654TTTT"_qs, u"赵"_qs, u"敏"_qs, {u"TNBC"_qs}, {});
    zhao.identityClass = IdentityClass::Restricted;
    PatientSearchRecord merged =
        patient(MergedZhangWei, u"P-ZZZZ2222YYYY"_qs, u"张"_qs, u"伟"_qs, {u"TNBC"_qs}, {});
    merged.merged = true;
    PatientSearchRecord male = patient(LiuQiang, u"P-UUUU3456VVVV"_qs, u"刘"_qs, u"强"_qs, {u"TNBC"_qs}, {});
    male.sex = u'M';
    r << zhao << merged << male;
    return r;
}

SearchFilter clinician()
{
    SearchFilter f;
    f.identityAccess = IdentityAccess::Standard;
    return f;
}

SearchFilter researcher()
{
    SearchFilter f;
    f.identityAccess = IdentityAccess::None;
    return f;
}

QList<QUuid> ids(const QList<SearchHit> &hits)
{
    QList<QUuid> out;
    for (const SearchHit &h : hits)
        out << h.patientId;
    return out;
}

const SearchHit *find(const QList<SearchHit> &hits, int n)
{
    for (const SearchHit &h : hits) {
        if (h.patientId == uuidFor(n))
            return &h;
    }
    return nullptr;
}

} // namespace

class tst_PatientSearchIndex : public QObject
{
    Q_OBJECT

    PatientSearchIndex m_index;

private Q_SLOTS:
    void initTestCase() { m_index.rebuild(cohort()); }

    // R-6.4.1a: search by pseudonymous id, whatever the case, hyphens or width the user types.
    void exactPseudonymousIdRanksFirst()
    {
        for (const QString &q : {u"P-AAAA2222BBBB"_qs, u"p-aaaa2222bbbb"_qs, u"PAAAA2222BBBB"_qs,
                                 u"Ｐ－ＡＡＡＡ２２２２ＢＢＢＢ"_qs}) {
            const QList<SearchHit> hits = m_index.search(q, researcher());
            QVERIFY2(!hits.isEmpty(), qPrintable(q));
            QCOMPARE(hits.front().patientId, uuidFor(ZhangWei));
            QCOMPARE(hits.front().kind, MatchKind::ExactId);
            QCOMPARE(hits.front().field, MatchField::PseudonymId);
            QCOMPARE(hits.front().pseudonymId, u"P-AAAA2222BBBB"_qs);
            QCOMPARE(hits.front().birthDate, QDate(1970, 1, 1).addDays(ZhangWei));
        }
    }

    // R-6.4.1a: partial ids.
    void idPrefixAndInfixFindTheirPatients()
    {
        QList<SearchHit> hits = m_index.search(u"P-AAAA"_qs, researcher());
        QCOMPARE(ids(hits), (QList<QUuid>{uuidFor(ZhangWei), uuidFor(ZhangWei2)}));
        QCOMPARE(hits.front().kind, MatchKind::Prefix);

        hits = m_index.search(u"6666GG"_qs, researcher());
        QCOMPARE(ids(hits), QList<QUuid>{uuidFor(ShanTianfang)});
        QCOMPARE(hits.front().kind, MatchKind::Infix);
    }

    // R-6.4.1a: fuzzy matching of Latin and pinyin input: one typo (here a transposition) in a
    // short word, two in a long one, never three.
    void typosInPinyinAreTolerated()
    {
        QList<SearchHit> hits = m_index.search(u"zhnagwei"_qs, clinician());
        QVERIFY(find(hits, ZhangWei));
        QCOMPARE(find(hits, ZhangWei)->kind, MatchKind::Fuzzy);
        QCOMPARE(find(hits, ZhangWei)->typos, 1);

        hits = m_index.search(u"wangxioaminh"_qs, clinician()); // transposition + substitution
        QVERIFY(find(hits, WangXiaoming));
        QCOMPARE(find(hits, WangXiaoming)->typos, 2);

        hits = m_index.search(u"wangxioamonh"_qs, clinician()); // three edits
        QVERIFY(!find(hits, WangXiaoming));

        hits = m_index.search(u"lnia"_qs, clinician()); // short word: one typo allowed
        QVERIFY(find(hits, LiNa));
    }

    // R-6.4.1a: ranking; fewer typos first.
    void fewerTyposRankFirst()
    {
        // wangxiaoming is one edit away, wangxiaomin two.
        const QList<SearchHit> hits = m_index.search(u"wangxiaomimg"_qs, clinician());
        QCOMPARE(ids(hits), (QList<QUuid>{uuidFor(WangXiaoming), uuidFor(WangXiaomin)}));
        QCOMPARE(hits[0].typos, 1);
        QCOMPARE(hits[1].typos, 2);
    }

    // R-6.4.1a: ranking exact > prefix > infix > fuzzy.
    void rankingPutsExactBeforePrefixBeforeInfixBeforeFuzzy()
    {
        const QList<SearchHit> hits = m_index.search(u"lina"_qs, clinician());
        QCOMPARE(ids(hits), (QList<QUuid>{uuidFor(LiNa), uuidFor(LiNana), uuidFor(GuoLina), uuidFor(LiuNa)}));
        QCOMPARE(hits[0].kind, MatchKind::Exact);
        QCOMPARE(hits[1].kind, MatchKind::Prefix);
        QCOMPARE(hits[2].kind, MatchKind::Infix);
        QCOMPARE(hits[3].kind, MatchKind::Fuzzy);
        for (int i = 0; i < hits.size(); ++i)
            QCOMPARE(hits[i].rank, i);
    }

    // R-6.4.1a: Chinese fragments (character bigrams and single characters).
    void chineseFragmentsFindNamesAndDiagnoses()
    {
        QList<SearchHit> hits = m_index.search(u"小明"_qs, clinician());
        QCOMPARE(ids(hits), QList<QUuid>{uuidFor(WangXiaoming)});
        QCOMPARE(hits.front().field, MatchField::Name);
        QCOMPARE(hits.front().kind, MatchKind::Infix);
        QCOMPARE(hits.front().displayName, u"王小明"_qs);

        hits = m_index.search(u"张"_qs, clinician());
        QCOMPARE(ids(hits), (QList<QUuid>{uuidFor(ZhangWei), uuidFor(ZhangWei2), uuidFor(ZhangWeiHomo)}));
        QCOMPARE(hits[0].kind, MatchKind::Prefix);
        QCOMPARE(hits[2].kind, MatchKind::Homophone); // 章 is also zhang

        hits = m_index.search(u"导管"_qs, researcher());
        QCOMPARE(ids(hits), (QList<QUuid>{uuidFor(WangXiaoming), uuidFor(ZhangWei)}));
        QCOMPARE(hits[0].kind, MatchKind::Prefix); // 导管原位癌
        QCOMPARE(hits[1].kind, MatchKind::Infix);  // 浸润性导管癌
        QCOMPARE(hits[1].field, MatchField::Diagnosis);
        QCOMPARE(hits[1].matchedTerm, u"浸润性导管癌"_qs);
    }

    // R-6.4.1a: pinyin and pinyin initials find Hanzi names.
    void pinyinAndInitialsFindHanziNames()
    {
        QList<SearchHit> hits = m_index.search(u"wxm"_qs, clinician()); // 王小明 and 王晓敏
        QCOMPARE(ids(hits), (QList<QUuid>{uuidFor(WangXiaoming), uuidFor(WangXiaomin)}));
        QCOMPARE(hits.front().field, MatchField::PinyinInitials);
        QCOMPARE(hits.front().kind, MatchKind::Exact);
        QCOMPARE(hits.front().pinyin, u"wangxiaoming"_qs);
        QCOMPARE(hits.back().pinyin, u"wangxiaomin"_qs);

        hits = m_index.search(u"zhangwei"_qs, clinician());
        QCOMPARE(ids(hits), (QList<QUuid>{uuidFor(ZhangWei), uuidFor(ZhangWei2), uuidFor(ZhangWeiHomo)}));

        hits = m_index.search(u"xiaoming"_qs, clinician());
        QCOMPARE(ids(hits), QList<QUuid>{uuidFor(WangXiaoming)});
    }

    void surnameIsSearchedByItsSurnameReading()
    {
        const QList<SearchHit> hits = m_index.search(u"shantianfang"_qs, clinician());
        QCOMPARE(ids(hits), QList<QUuid>{uuidFor(ShanTianfang)});
        QCOMPARE(hits.front().kind, MatchKind::Exact);
    }

    // R-6.4.1a: Hanzi typed with a homophone still finds the name, after the literal matches.
    void homophoneHanziFindNamesAfterLiteralMatches()
    {
        const QList<SearchHit> hits = m_index.search(u"章伟"_qs, clinician());
        QCOMPARE(ids(hits), (QList<QUuid>{uuidFor(ZhangWeiHomo), uuidFor(ZhangWei), uuidFor(ZhangWei2)}));
        QCOMPARE(hits[0].kind, MatchKind::Exact);
        QCOMPARE(hits[1].kind, MatchKind::Homophone);
    }

    // R-6.4.1a: diagnosis keywords and codes, whatever the punctuation and width.
    void diagnosisKeywordsAndCodesMatch()
    {
        QList<SearchHit> hits = m_index.search(u"C50.9"_qs, researcher());
        QCOMPARE(ids(hits), QList<QUuid>{uuidFor(ZhangWei)});
        QCOMPARE(hits.front().field, MatchField::DiagnosisCode);
        QCOMPARE(m_index.search(u"c509"_qs, researcher()), hits);

        hits = m_index.search(u"C50"_qs, researcher());
        QCOMPARE(hits.size(), 6); // C50.1 .. C50.5 and C50.9
        QCOMPARE(hits.front().kind, MatchKind::Prefix);

        hits = m_index.search(u"ＴＮＢＣ"_qs, researcher());
        QCOMPARE(ids(hits), (QList<QUuid>{uuidFor(ZhangWei), uuidFor(ZhaoMin), uuidFor(LiuQiang)}));
        QCOMPARE(hits.front().field, MatchField::Diagnosis);

        hits = m_index.search(u"ductal carcinoma"_qs, researcher());
        QCOMPARE(ids(hits), QList<QUuid>{uuidFor(LiNa)});
        hits = m_index.search(u"carcinoam"_qs, researcher()); // typo in a diagnosis word
        QCOMPARE(ids(hits), QList<QUuid>{uuidFor(LiNa)});
    }

    // R-6.4.1a/b (placeholder until the permission engine): a caller who may not see identity
    // neither finds patients by name, pinyin or initials nor sees them in hits.
    void identityIsHiddenFromRolesThatMayNotSeeIt()
    {
        for (const QString &q : {u"张伟"_qs, u"zhangwei"_qs, u"zw"_qs, u"zhnagwei"_qs, u"章伟"_qs, u"伟"_qs})
            QVERIFY2(m_index.search(q, researcher()).isEmpty(), qPrintable(q));

        const QList<SearchHit> byId = m_index.search(u"P-AAAA2222BBBB"_qs, researcher());
        QCOMPARE(byId.size(), 1);
        QVERIFY(byId.front().displayName.isEmpty());
        QVERIFY(byId.front().pinyin.isEmpty());

        for (const SearchHit &h : m_index.search(u"TNBC"_qs, researcher())) {
            QVERIFY(h.displayName.isEmpty());
            QVERIFY(h.pinyin.isEmpty());
        }
        QCOMPARE(m_index.search(u"P-AAAA2222BBBB"_qs, clinician()).front().displayName, u"张伟"_qs);
    }

    // R-6.4.1a/b: a restricted identity needs more than the ordinary clinical access.
    void restrictedIdentityNeedsFullAccess()
    {
        QVERIFY(m_index.search(u"zhaomin"_qs, clinician()).isEmpty());
        QVERIFY(m_index.search(u"赵敏"_qs, clinician()).isEmpty());
        const QList<SearchHit> byId = m_index.search(u"P-RRRR7654TTTT"_qs, clinician());
        QCOMPARE(byId.size(), 1);
        QVERIFY(byId.front().displayName.isEmpty());

        SearchFilter all;
        all.identityAccess = IdentityAccess::All;
        const QList<SearchHit> hits = m_index.search(u"zhaomin"_qs, all);
        QCOMPARE(ids(hits), QList<QUuid>{uuidFor(ZhaoMin)});
        QCOMPARE(hits.front().displayName, u"赵敏"_qs);
    }

    // R-6.4.1b: the permission engine's verdict removes patients from every kind of match, and is
    // asked once per patient and query.
    void permissionCallbackFiltersResults()
    {
        SearchFilter f = clinician();
        QHash<QUuid, int> asked;
        f.mayAccess = [&](const QUuid &id) {
            ++asked[id];
            return id != uuidFor(ZhangWei);
        };
        QVERIFY(m_index.search(u"P-AAAA2222BBBB"_qs, f).isEmpty());
        const QList<SearchHit> hits = m_index.search(u"zhangwei"_qs, f);
        QCOMPARE(ids(hits), (QList<QUuid>{uuidFor(ZhangWei2), uuidFor(ZhangWeiHomo)}));
        asked.clear();
        m_index.search(u"张伟"_qs, f); // literal, then homophone matches of the same patients
        for (int n : asked)
            QCOMPARE(n, 1);
    }

    void mergedRecordsAndSexFilterApply()
    {
        QVERIFY(!find(m_index.search(u"张伟"_qs, clinician()), MergedZhangWei));
        SearchFilter withMerged = clinician();
        withMerged.includeMerged = true;
        QVERIFY(find(m_index.search(u"张伟"_qs, withMerged), MergedZhangWei));

        SearchFilter men = clinician();
        men.sex = u'M';
        QCOMPARE(ids(m_index.search(u"TNBC"_qs, men)), QList<QUuid>{uuidFor(LiuQiang)});
    }

    // R-6.4.1a: several words must all match (here a name and a diagnosis).
    void everyWordOfTheQueryMustMatch()
    {
        QCOMPARE(ids(m_index.search(u"张 TNBC"_qs, clinician())), QList<QUuid>{uuidFor(ZhangWei)});
        QCOMPARE(ids(m_index.search(u"zhang C50.4"_qs, clinician())), QList<QUuid>{uuidFor(ZhangWei2)});
        QCOMPARE(ids(m_index.search(u"张伟TNBC"_qs, clinician())), QList<QUuid>{uuidFor(ZhangWei)});
        QVERIFY(m_index.search(u"张 TNBC"_qs, researcher()).isEmpty()); // the name part is hidden
    }

    void limitAndEmptyQueries()
    {
        QCOMPARE(m_index.search(u"P-"_qs, researcher(), 3).size(), 3);
        QVERIFY(m_index.search(u""_qs, clinician()).isEmpty());
        QVERIFY(m_index.search(u" ,. "_qs, clinician()).isEmpty());
        QVERIFY(m_index.search(u"lina"_qs, clinician(), 0).isEmpty());
    }

    // R-6.4.1a: results stream in; each batch is one rank class, batches come best first.
    void streamingBatchesArriveInRankOrder()
    {
        const auto session = m_index.startSearch(u"lina"_qs, clinician(), 20);
        QList<QList<SearchHit>> batches;
        while (!session->isFinished())
            batches << session->nextBatch();
        QCOMPARE(batches.size(), 4);
        int rank = 0;
        int lastKind = -1;
        for (const QList<SearchHit> &batch : std::as_const(batches)) {
            QVERIFY(!batch.isEmpty());
            for (const SearchHit &h : batch) {
                QCOMPARE(h.rank, rank++);
                QCOMPARE(int(h.kind), int(batch.front().kind));
            }
            QVERIFY(int(batch.front().kind) > lastKind);
            lastKind = int(batch.front().kind);
        }
        QVERIFY(session->nextBatch().isEmpty());
    }

    void cancelledSessionStopsYieldingBatches()
    {
        const auto session = m_index.startSearch(u"lina"_qs, clinician(), 20);
        QCOMPARE(session->nextBatch().size(), 1);
        session->cancel();
        QVERIFY(session->isCancelled());
        QVERIFY(session->nextBatch().isEmpty());
        QVERIFY(session->isFinished());
    }

    // R-6.4.1a: a keystroke cancels the query in flight; the running batch stops part-way.
    void cancelStopsARunningQueryPartWay()
    {
        PatientSearchIndex big;
        QList<PatientSearchRecord> records;
        for (int i = 0; i < 30000; ++i)
            records << patient(1000 + i, u"P-X%1"_qs.arg(i, 8, 10, QLatin1Char('0')), u"王"_qs, u"芳"_qs,
                               {u"TNBC"_qs});
        big.rebuild(records);
        std::shared_ptr<SearchSession> session;
        int asked = 0;
        SearchFilter f = researcher();
        f.mayAccess = [&](const QUuid &) {
            if (++asked == 100)
                session->cancel(); // as if the next keystroke arrived now
            return false;          // keep the query scanning
        };
        session = big.startSearch(u"TNBC"_qs, f, 20);
        QVERIFY(session->nextBatch().isEmpty());
        QVERIFY(session->isFinished());
        QVERIFY2(asked < 100 + 5000, qPrintable(QString::number(asked)));

        f.mayAccess = {};
        QCOMPARE(big.search(u"TNBC"_qs, f, 25000).size(), 25000);
    }

    void upsertAndRemoveChangeResultsWithoutRebuild()
    {
        PatientSearchIndex index;
        index.rebuild(cohort());
        QCOMPARE(index.size(), 13);

        PatientSearchRecord renamed = cohort()[0];
        renamed.givenName = u"丽"_qs;
        renamed.diagnoses = {u"炎性乳腺癌"_qs};
        index.upsert(renamed);
        QCOMPARE(index.pendingChanges(), 1);
        QCOMPARE(index.size(), 13);
        QVERIFY(!find(index.search(u"张伟"_qs, clinician()), ZhangWei));
        QVERIFY(find(index.search(u"张丽"_qs, clinician()), ZhangWei));
        QVERIFY(find(index.search(u"炎性"_qs, clinician()), ZhangWei));
        QVERIFY(!find(index.search(u"TNBC"_qs, clinician()), ZhangWei));

        index.upsert(patient(500, u"P-NEWW0000NEWW"_qs, u"欧阳"_qs, u"娜娜"_qs));
        QCOMPARE(index.size(), 14);
        QCOMPARE(ids(index.search(u"ouyang"_qs, clinician())), QList<QUuid>{uuidFor(500)});

        index.remove(uuidFor(ZhangWei));
        QCOMPARE(index.size(), 13);
        QVERIFY(index.search(u"P-AAAA2222BBBB"_qs, clinician()).isEmpty());

        index.rebuild(cohort());
        QCOMPARE(index.pendingChanges(), 0);
        QVERIFY(find(index.search(u"张伟"_qs, clinician()), ZhangWei));

        index.clear();
        QCOMPARE(index.size(), 0);
        QVERIFY(index.search(u"zhangwei"_qs, clinician()).isEmpty());
    }

    void sessionKeepsTheIndexAsItWasWhenItStarted()
    {
        PatientSearchIndex index;
        index.rebuild(cohort());
        const auto session = index.startSearch(u"P-AAAA2222BBBB"_qs, researcher());
        index.remove(uuidFor(ZhangWei));
        index.clear();
        QCOMPARE(ids(session->takeAll()), QList<QUuid>{uuidFor(ZhangWei)});
    }

    void statsCountPatientsAndBytes()
    {
        const SearchIndexStats s = m_index.stats();
        QCOMPARE(s.patients, 13);
        QVERIFY(s.bytes > 0);
        QVERIFY(s.terms > 13);
        QVERIFY(s.postings >= 13 * 4);
        QVERIFY(s.bytesPerPatient() > 0);
    }

    // Reads from several threads while the index changes: every read sees a consistent snapshot.
    void concurrentReadsDuringUpdatesAreConsistent()
    {
        PatientSearchIndex index;
        index.rebuild(cohort());
        std::atomic<bool> stop{false};
        std::atomic<int> failures{0};
        std::atomic<int> reads{0};
        std::vector<std::thread> readers;
        for (int t = 0; t < 3; ++t) {
            readers.emplace_back([&] {
                while (!stop.load()) {
                    const QList<SearchHit> hits = index.search(u"P-QQQQ4444RRRR"_qs, clinician());
                    if (hits.size() != 1 || hits.front().patientId != uuidFor(WangXiaoming))
                        ++failures;
                    ++reads;
                }
            });
        }
        for (int i = 0; i < 200; ++i) {
            PatientSearchRecord r = cohort()[0];
            r.givenName = QString(QChar(char16_t(0x4E00 + i)));
            index.upsert(r);
        }
        while (reads.load() < 100)
            std::this_thread::yield();
        stop = true;
        for (auto &t : readers)
            t.join();
        QCOMPARE(failures.load(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_PatientSearchIndex)
#include "tst_PatientSearchIndex.moc"
