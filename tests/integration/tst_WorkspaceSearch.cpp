// The workspace's patient search: an in-memory index built at unlock from the encrypted database and
// kept current by the registry's change listener. R-6.4.1a-c.

#include "../support/TestWorkspace.h"

#include "mdp/registry/PatientSearch.h"
#include "mdp/registry/Registry.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;
using namespace mdp::testsupport;

class tst_WorkspaceSearch : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    static registry::PatientDraft draft(const QString &name, QDate birth)
    {
        registry::PatientDraft d;
        d.name = registry::PersonName::fromFullName(name);
        d.sex = registry::Sex::Female;
        d.birthDate = birth;
        return d;
    }

    static QStringList pseudonymsFound(workspace::Workspace &ws, const QString &query, bool identity = true)
    {
        registry::SearchFilter filter;
        filter.identityVisible = identity;
        auto hits = ws.patientSearch().search(query, 20, filter);
        QStringList out;
        if (hits)
            for (const auto &h : hits.value())
                out << h.pseudonymId;
        return out;
    }

private Q_SLOTS:
    void indexFollowsChangesWithoutReopening()
    {
        const QString path = m_dir.filePath(QStringLiteral("ws"));
        workspace::CreateOptions o;
        o.directory = path;
        o.passphrase = secret(kPassphrase);
        auto created = workspace::Workspace::create(o);
        QVERIFY(created);
        auto &ws = *created.value();
        QVERIFY(ws.beginCustodianSession().ok());
        const QString actor = ws.custodianId().toString(QUuid::WithoutBraces);
        auto a = ws.registry().createPatient(actor, draft(QStringLiteral("欧阳娜娜"), QDate(1978, 5, 4)));
        QVERIFY2(a, qPrintable(a ? QString() : a.error().toString()));
        // found at once by a pinyin fragment, by initials and by its pseudonym (R-6.4.1a)
        QVERIFY(pseudonymsFound(ws, QStringLiteral("ouyang")).contains(a->pseudonymId));
        QVERIFY(pseudonymsFound(ws, QStringLiteral("oyn")).contains(a->pseudonymId));
        QVERIFY(pseudonymsFound(ws, a->pseudonymId.left(5)).contains(a->pseudonymId));
        // identity hidden: the name does not find the patient (R-6.4.1b, by role until the engine lands)
        QVERIFY(!pseudonymsFound(ws, QStringLiteral("ouyang"), false).contains(a->pseudonymId));
        QVERIFY(pseudonymsFound(ws, a->pseudonymId, false).contains(a->pseudonymId));
    }

    void indexIsRebuiltFromTheDatabaseAtUnlock()
    {
        const QString path = m_dir.filePath(QStringLiteral("ws"));
        auto ws = workspace::Workspace::open(path, secret(kPassphrase));
        QVERIFY(ws);
        QVERIFY(ws.value()->beginCustodianSession().ok()); // searching needs someone signed in
        QCOMPARE(pseudonymsFound(*ws.value(), QStringLiteral("欧阳")).size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_WorkspaceSearch)
#include "tst_WorkspaceSearch.moc"
