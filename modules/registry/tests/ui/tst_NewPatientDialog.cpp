#include "NewPatientDialog.h"
#include "PatientMergeDialog.h"
#include "PatientTestSupport.h"
#include "ShellTestSupport.h"
#include "mdp/workspace/DemoWorkspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;
using namespace mdp::shell;
using namespace mdp::registry::ui;
using namespace mdp::shell::testing;

class tst_NewPatientDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    ManualClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC)};
    std::unique_ptr<workspace::Workspace> m_workspace;
    QString m_actor;
    registry::Patient m_existing;
    QList<workspace::DemoAccount> m_accounts;
    QString m_existingId;

    std::unique_ptr<NewPatientDialog> makeDialog()
    {
        auto dialog = std::make_unique<NewPatientDialog>(m_workspace->registry(), m_actor, m_clock);
        dialog->show();
        if (!QTest::qWaitForWindowExposed(dialog.get()))
            return nullptr;
        return dialog;
    }

    qint64 patientCount()
    {
        auto page = m_workspace->registry().patients(m_actor, {0, 500, true});
        return page ? page->total : -1;
    }

    void fill(NewPatientDialog &dialog, const QString &id, const QString &name)
    {
        auto *edit = findChildNamed<QLineEdit>(&dialog, "nationalIdEdit");
        edit->clear();
        QTest::keyClicks(edit, id);
        findChildNamed<QLineEdit>(&dialog, "nameEdit")->setText(name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        applyTheme();
        useLanguage(QStringLiteral("en"));
        QVERIFY(m_root.isValid());
        auto demo = workspace::createDemoWorkspace(m_root.filePath(QStringLiteral("workspace")), m_clock);
        QVERIFY2(demo.ok(), qPrintable(demo.ok() ? QString() : demo.error().toString()));
        m_workspace = std::move(demo->workspace);
        m_accounts = demo->accounts;
        for (const auto &account : demo->accounts) {
            if (account.role == u"clinician") {
                auto session = workspace::loginDemoAccount(*m_workspace, account);
                QVERIFY(session.ok());
                m_actor = session->accountId;
            }
        }
        m_existingId = residentId(QStringLiteral("110105"), QDate(1968, 7, 14), 24); // even: female
        m_existing = createPatient(*m_workspace, m_actor, QStringLiteral("李秀英"), registry::Sex::Female,
                                   QDate(1968, 7, 14), m_existingId);
    }

    void cleanupTestCase()
    {
        if (m_workspace)
            m_workspace->logout();
    }

    // R-6.1.1a: the resident ID is checked as it is typed (length, birth date, check character).
    void invalidResidentIdIsExplainedBesideTheField()
    {
        auto dialog = makeDialog();
        QVERIFY(dialog);
        auto *edit = findChildNamed<QLineEdit>(dialog.get(), "nationalIdEdit");
        auto *message = findChildNamed<QLabel>(dialog.get(), "nationalIdMessage");
        QTest::keyClicks(edit, QStringLiteral("1101051968"));
        QCOMPARE(message->text(), QStringLiteral("10 of 18 characters"));

        // The right number with its last digit changed: the check character no longer fits.
        QString wrong = m_existingId;
        wrong[17] = wrong.at(17) == u'1' ? u'2' : u'1';
        edit->setText(wrong);
        QVERIFY2(message->text().contains(QStringLiteral("check character")), qPrintable(message->text()));

        // An impossible date (30 February).
        edit->setText(residentId(QStringLiteral("110105"), QDate(1968, 2, 28), 11)
                          .replace(10, 4, QStringLiteral("0230")));
        QVERIFY2(message->text().contains(QStringLiteral("not a valid date")), qPrintable(message->text()));

        // Saving is refused by the registry with the same reason, and nothing is created.
        findChildNamed<QLineEdit>(dialog.get(), "nameEdit")->setText(QStringLiteral("赵敏"));
        const qint64 before = patientCount();
        findChildNamed<QPushButton>(dialog.get(), "saveButton")->click();
        QVERIFY(findChildNamed<QLabel>(dialog.get(), "newPatientProblem")->isVisible());
        QCOMPARE(patientCount(), before);
        QCOMPARE(dialog->outcome(), NewPatientDialog::Outcome::None);
    }

    void validResidentIdFillsBirthDateAndSex()
    {
        auto dialog = makeDialog();
        QVERIFY(dialog);
        const QString id = residentId(QStringLiteral("310104"), QDate(1982, 11, 3), 137); // odd: male
        QTest::keyClicks(findChildNamed<QLineEdit>(dialog.get(), "nationalIdEdit"), id);
        QVERIFY(findChildNamed<QLabel>(dialog.get(), "nationalIdMessage")
                    ->text()
                    .startsWith(QStringLiteral("✓ Valid")));
        QCOMPARE(findChildNamed<QDateEdit>(dialog.get(), "birthDateEdit")->date(), QDate(1982, 11, 3));
        QCOMPARE(registry::Sex(findChildNamed<QComboBox>(dialog.get(), "sexCombo")->currentData().toInt()),
                 registry::Sex::Male);

        findChildNamed<QLineEdit>(dialog.get(), "nameEdit")->setText(QStringLiteral("陈建国"));
        const qint64 before = patientCount();
        findChildNamed<QPushButton>(dialog.get(), "saveButton")->click();
        QCOMPARE(dialog->outcome(), NewPatientDialog::Outcome::Created);
        QCOMPARE(patientCount(), before + 1);
        auto created = m_workspace->registry().patient(m_actor, dialog->patientId());
        QVERIFY(created.ok());
        QVERIFY(created->pseudonymId.startsWith(QStringLiteral("P-"))); // R-6.1.1c
        QCOMPARE(created->name.display(), QStringLiteral("陈建国"));
    }

    // R-6.1.1a/b: a verified ID already on file stops the save and offers that record; no second one.
    void duplicateResidentIdIsBlockedAndOffersTheExistingRecord_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }

    void duplicateResidentIdIsBlockedAndOffersTheExistingRecord()
    {
        QFETCH(QString, language);
        useLanguage(language);
        auto dialog = makeDialog();
        QVERIFY(dialog);
        // Typed in lower case with spaces: still the same number.
        QString typed = m_existingId;
        typed.insert(6, QLatin1Char(' ')).insert(15, QLatin1Char(' '));
        fill(*dialog, typed.toLower(), QStringLiteral("李秀英"));
        findChildNamed<QLineEdit>(dialog.get(), "phoneEdit")->setText(QStringLiteral("138 0013 8000"));
        const qint64 before = patientCount();
        findChildNamed<QPushButton>(dialog.get(), "saveButton")->click();

        auto *message = findChildNamed<QLabel>(dialog.get(), "duplicateMessage");
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(m_existing.pseudonymId), qPrintable(message->text()));
        if (language == u"en")
            QVERIFY(message->text().contains(QStringLiteral("A patient with this ID already exists: ") +
                                             m_existing.pseudonymId));
        QCOMPARE(message->property("severity").toString(), QStringLiteral("error"));
        QVERIFY(findChildNamed<QPushButton>(dialog.get(), "openExistingButton")->isVisible());
        QVERIFY(!findChildNamed<QPushButton>(dialog.get(), "createAnywayButton")->isVisible());
        QVERIFY(!findChildNamed<QPushButton>(dialog.get(), "saveButton")->isEnabled());
        QCOMPARE(patientCount(), before);
        saveScreenshot(dialog.get(), QStringLiteral("patients-new-duplicate-blocked-") + language);

        findChildNamed<QPushButton>(dialog.get(), "openExistingButton")->click();
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
        QCOMPARE(dialog->outcome(), NewPatientDialog::Outcome::OpenExisting);
        QCOMPARE(dialog->patientId(), m_existing.id);
        QCOMPARE(patientCount(), before);
        useLanguage(QStringLiteral("en"));
    }

    // R-6.1.1b: a probable match (same name, birth date and sex, no ID) is shown before saving;
    // creating anyway queues the pair for an operator.
    void probableDuplicateWarnsAndCreateAnywayQueuesThePair_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }

    void probableDuplicateWarnsAndCreateAnywayQueuesThePair()
    {
        QFETCH(QString, language);
        useLanguage(language);
        const QDate birth(1955, 4, 9);
        const QString name = language == u"en" ? QStringLiteral("王淑珍") : QStringLiteral("刘桂兰");
        const registry::Patient first =
            createPatient(*m_workspace, m_actor, name, registry::Sex::Female, birth);

        auto dialog = makeDialog();
        QVERIFY(dialog);
        findChildNamed<QLineEdit>(dialog.get(), "nameEdit")->setText(name);
        auto *sex = findChildNamed<QComboBox>(dialog.get(), "sexCombo");
        sex->setCurrentIndex(sex->findData(int(registry::Sex::Female)));
        findChildNamed<QDateEdit>(dialog.get(), "birthDateEdit")->setDate(birth);
        const qint64 before = patientCount();
        findChildNamed<QPushButton>(dialog.get(), "saveButton")->click();

        auto *message = findChildNamed<QLabel>(dialog.get(), "duplicateMessage");
        QVERIFY(message->isVisible());
        QCOMPARE(message->property("severity").toString(), QStringLiteral("warning"));
        auto *matches = findChildNamed<QListWidget>(dialog.get(), "duplicateMatches");
        QVERIFY(matches->count() >= 1);
        QVERIFY(matches->item(0)->text().contains(first.pseudonymId));
        QVERIFY(matches->item(0)->text().contains(name));
        QVERIFY(findChildNamed<QPushButton>(dialog.get(), "createAnywayButton")->isVisible());
        QCOMPARE(patientCount(), before); // nothing saved yet
        saveScreenshot(dialog.get(), QStringLiteral("patients-new-duplicate-warning-") + language);

        findChildNamed<QPushButton>(dialog.get(), "createAnywayButton")->click();
        QCOMPARE(dialog->outcome(), NewPatientDialog::Outcome::Created);
        QCOMPARE(patientCount(), before + 1);
        auto queue = m_workspace->registry().possibleDuplicates(registry::DuplicateStatus::Open);
        QVERIFY(queue.ok());
        bool queued = false;
        for (const auto &c : queue.value())
            queued = queued || ((c.patientA == first.id && c.patientB == dialog->patientId()) ||
                                (c.patientB == first.id && c.patientA == dialog->patientId()));
        QVERIFY(queued);
        useLanguage(QStringLiteral("en"));
    }

    // R-6.1.1b: the same checksum-valid ID, verified on neither side, is no longer saved silently
    // as a second record: the operator is warned, and a separate registration needs a reason.
    void sameUnverifiedIdAsksTheOperatorAndNeedsAReason()
    {
        const QString id = residentId(QStringLiteral("320102"), QDate(1971, 9, 9), 48);
        auto first = m_workspace->registry().createPatient(
            m_actor,
            patientDraft(QStringLiteral("周红"), registry::Sex::Female, QDate(1971, 9, 9), id, false));
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().toString()));

        auto dialog = makeDialog();
        QVERIFY(dialog);
        fill(*dialog, id, QStringLiteral("周虹"));
        findChildNamed<QCheckBox>(dialog.get(), "verifiedCheck")->setChecked(false);
        const qint64 before = patientCount();
        findChildNamed<QPushButton>(dialog.get(), "saveButton")->click();

        auto *message = findChildNamed<QLabel>(dialog.get(), "duplicateMessage");
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(first->pseudonymId), qPrintable(message->text()));
        auto *reason = findChildNamed<QLineEdit>(dialog.get(), "separateReasonEdit");
        QVERIFY(reason->isVisible());
        auto *separate = findChildNamed<QPushButton>(dialog.get(), "createAnywayButton");
        QVERIFY(separate->isVisible());
        QCOMPARE(patientCount(), before);
        saveScreenshot(dialog.get(), QStringLiteral("patients-new-same-id-en"));

        separate->click(); // no reason yet: refused, nothing saved
        QCOMPARE(dialog->outcome(), NewPatientDialog::Outcome::None);
        QCOMPARE(patientCount(), before);

        reason->setText(QStringLiteral("Twin sister; the ID on the referral was copied from her record"));
        separate->click();
        QCOMPARE(dialog->outcome(), NewPatientDialog::Outcome::Created);
        QCOMPARE(patientCount(), before + 1);
    }

    // Two records with different verified resident IDs are two people: the merge dialog shows the
    // refusal and offers the override, which only a data manager's session may use (audited).
    void mergingDifferentVerifiedIdsNeedsADataManagersOverride()
    {
        const auto okOf = [](QDialog &dialog) {
            return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        };
        const registry::Patient a =
            createPatient(*m_workspace, m_actor, QStringLiteral("钱芳"), registry::Sex::Female,
                          QDate(1979, 1, 5), residentId(QStringLiteral("330106"), QDate(1979, 1, 5), 62));
        const registry::Patient b =
            createPatient(*m_workspace, m_actor, QStringLiteral("钱芳"), registry::Sex::Female,
                          QDate(1979, 1, 5), residentId(QStringLiteral("330106"), QDate(1979, 1, 5), 84));
        registry::SearchFilter filter;
        filter.identityVisible = true;
        {
            PatientMergeDialog dialog(m_workspace->registry(), m_workspace->patientSearch(), filter, m_actor);
            dialog.setPair(a.id, b.id);
            dialog.setReason(QStringLiteral("Same person, two referrals"));
            dialog.show();
            okOf(dialog)->click();
            QVERIFY(dialog.isVisible()); // refused
            QVERIFY(dialog.overrideBox()->isVisible());
            dialog.overrideBox()->setChecked(true);
            okOf(dialog)->click(); // a clinician may not override
            QVERIFY(dialog.isVisible());
            QVERIFY(!dialog.record());
        }
        QString manager;
        m_workspace->logout();
        m_clock.advance(30'000); // a fresh TOTP step: codes are single-use
        for (const auto &account : m_accounts) {
            if (account.role == u"data-manager") {
                auto session = workspace::loginDemoAccount(*m_workspace, account);
                QVERIFY(session.ok());
                manager = session->accountId;
            }
        }
        PatientMergeDialog dialog(m_workspace->registry(), m_workspace->patientSearch(), filter, manager);
        dialog.setPair(a.id, b.id);
        dialog.setReason(QStringLiteral("Same person; the second ID was mistyped at the referring hospital"));
        dialog.show();
        okOf(dialog)->click();
        QVERIFY(dialog.overrideBox()->isVisible());
        dialog.overrideBox()->setChecked(true);
        okOf(dialog)->click();
        QVERIFY(dialog.record().has_value());
        // Back to the clinician for the rest of the suite.
        m_workspace->logout();
        m_clock.advance(30'000);
        for (const auto &account : m_accounts) {
            if (account.role == u"clinician")
                QVERIFY(workspace::loginDemoAccount(*m_workspace, account).ok());
        }
    }

    void openExistingFromAProbableMatchOpensTheChosenRecord()
    {
        const QDate birth(1949, 12, 31);
        const registry::Patient first =
            createPatient(*m_workspace, m_actor, QStringLiteral("张桂英"), registry::Sex::Female, birth);
        auto dialog = makeDialog();
        QVERIFY(dialog);
        findChildNamed<QLineEdit>(dialog.get(), "nameEdit")->setText(QStringLiteral("张桂英"));
        findChildNamed<QDateEdit>(dialog.get(), "birthDateEdit")->setDate(birth);
        const qint64 before = patientCount();
        findChildNamed<QPushButton>(dialog.get(), "saveButton")->click();
        auto *matches = findChildNamed<QListWidget>(dialog.get(), "duplicateMatches");
        QVERIFY(matches->count() >= 1);
        findChildNamed<QPushButton>(dialog.get(), "openExistingButton")->click();
        QCOMPARE(dialog->outcome(), NewPatientDialog::Outcome::OpenExisting);
        QCOMPARE(dialog->patientId(), first.id);
        QCOMPARE(patientCount(), before);
    }
};

QTEST_MAIN(tst_NewPatientDialog)
#include "tst_NewPatientDialog.moc"
