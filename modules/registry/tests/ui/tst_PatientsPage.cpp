#include "PatientDuplicatesModel.h"
#include "PatientPage.h"
#include "PatientRegistryMessages.h"
#include "PatientSearchController.h"
#include "PatientSearchModel.h"
#include "PatientTestSupport.h"
#include "PatientsPage.h"
#include "ShellTestSupport.h"
#include "mdp/access/ui/AccessRequestDialog.h"
#include "mdp/shell/MainWindow.h"
#include "mdp/shell/ShellSettings.h"
#include "mdp/viewer/WatermarkOverlay.h"
#include "mdp/workspace/AuditQueries.h"
#include "mdp/workspace/DemoWorkspace.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;
using namespace mdp::shell;
using namespace mdp::registry::ui;
using namespace mdp::shell::testing;

class tst_PatientsPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    ManualClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC)};
    std::unique_ptr<workspace::Workspace> m_workspace;
    QList<workspace::DemoAccount> m_accounts;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<ShellSettings> m_settings;
    QList<registry::Patient> m_patients;
    registry::Patient m_twin; // registered last, without an ID

    const workspace::DemoAccount &account(const QString &role) const
    {
        for (const auto &a : m_accounts) {
            if (a.role == role)
                return a;
        }
        qFatal("no demo account for the role");
    }

    std::unique_ptr<MainWindow> windowFor(const QString &role)
    {
        return signedInWindow(*m_workspace, m_clock, account(role), *m_settings);
    }

    static PatientsPage *patientsPage(MainWindow &window)
    {
        window.showPage(QStringLiteral("patients"));
        return qobject_cast<PatientsPage *>(window.pageWidget(QStringLiteral("patients")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        applyTheme();
        useLanguage(QStringLiteral("en"));
        QVERIFY(m_root.isValid());
        m_qsettings = std::make_unique<QSettings>(m_root.filePath(QStringLiteral("settings.ini")),
                                                  QSettings::IniFormat);
        m_settings = std::make_unique<ShellSettings>(m_qsettings.get());
        auto demo = workspace::createDemoWorkspace(m_root.filePath(QStringLiteral("workspace")), m_clock);
        QVERIFY2(demo.ok(), qPrintable(demo.ok() ? QString() : demo.error().toString()));
        m_workspace = std::move(demo->workspace);
        m_accounts = demo->accounts;
        auto session = workspace::loginDemoAccount(*m_workspace, account(QStringLiteral("clinician")));
        QVERIFY(session.ok());
        const QString actor = session->accountId;
        struct Person
        {
            const char *name;
            registry::Sex sex;
            QDate birth;
            const char *region;
        };
        const Person people[] = {
            {"张伟", registry::Sex::Male, QDate(1971, 5, 2), "110105"},
            {"张秀兰", registry::Sex::Female, QDate(1966, 9, 21), "310104"},
            {"张丽", registry::Sex::Female, QDate(1980, 1, 30), "440106"},
            {"王芳", registry::Sex::Female, QDate(1975, 3, 12), "320102"},
            {"李娜", registry::Sex::Female, QDate(1983, 7, 7), "510107"},
            {"刘洋", registry::Sex::Male, QDate(1990, 11, 18), "420106"},
            {"陈静", registry::Sex::Female, QDate(1978, 2, 14), "330106"},
            {"杨敏", registry::Sex::Female, QDate(1969, 8, 3), "370102"},
            {"赵丽娟", registry::Sex::Female, QDate(1962, 12, 24), "210102"},
            {"黄秀英", registry::Sex::Female, QDate(1958, 6, 6), "350102"},
        };
        int sequence = 10;
        for (const Person &p : people) {
            // Sequence parity encodes the sex (odd: male).
            const int seq = p.sex == registry::Sex::Male ? sequence + 1 : sequence;
            sequence += 10;
            m_patients << createPatient(*m_workspace, actor, QString::fromUtf8(p.name), p.sex, p.birth,
                                        residentId(QString::fromLatin1(p.region), p.birth, seq));
        }
        // The first patient has a diagnosis (searchable by the index) and an exact twin without an ID
        // lands in the duplicate queue.
        registry::EventDraft diagnosis;
        diagnosis.type = registry::EventType::Diagnosis;
        diagnosis.start = registry::EventTime::fromDate(QDate(2021, 3, 18));
        diagnosis.title = QStringLiteral("乳腺癌 cT2N1M0 IIB期 三阴性");
        diagnosis.payload = QJsonObject{{QStringLiteral("molecularSubtype"), QStringLiteral("TNBC")}};
        QVERIFY(m_workspace->registry().addEvent(actor, m_patients.at(2).id, diagnosis).ok());
        m_twin = createPatient(*m_workspace, actor, QStringLiteral("王芳"), registry::Sex::Female,
                               QDate(1975, 3, 12));
    }

    void cleanupTestCase()
    {
        if (m_workspace)
            m_workspace->logout();
    }

    void resultModelPassesTheModelTester()
    {
        PatientSearchModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        registry::PatientHit hit;
        hit.patientId = QUuid::createUuid();
        hit.pseudonymId = QStringLiteral("P-ABCDEFGHJKLM");
        hit.displayName = QStringLiteral("张伟");
        hit.sex = registry::Sex::Male;
        hit.birthDate = QDate(1971, 5, 2);
        hit.matchedField = QStringLiteral("name");
        model.setHits({hit, hit}, QDate(2026, 3, 2));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, PatientSearchModel::AgeColumn).data().toString(), QStringLiteral("54 y"));
        QCOMPARE(model.index(0, PatientSearchModel::SexColumn).data().toString(), QStringLiteral("Male"));
        QCOMPARE(model.index(1, 0).data(PatientSearchModel::PatientIdRole).toUuid(), hit.patientId);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    // Typing keeps restarting the quiet period: only the text standing at its end is searched.
    void typingCancelsTheQueryItOvertakes()
    {
        QStringList executed;
        PatientSearchController controller(
            [&executed](const QString &q) -> Result<QList<registry::PatientHit>> {
                executed << q;
                return QList<registry::PatientHit>{};
            });
        QSignalSpy results(&controller, &PatientSearchController::resultsReady);
        controller.setQuery(QStringLiteral("z"));
        controller.setQuery(QStringLiteral("zh"));
        controller.setQuery(QStringLiteral("zha"));
        QVERIFY(controller.isPending());
        QVERIFY(executed.isEmpty());
        QTRY_COMPARE(results.size(), 1);
        QCOMPARE(executed, QStringList{QStringLiteral("zha")});
        controller.setQuery(QString());
        QVERIFY(!controller.isPending());
        QCOMPARE(controller.executedCount(), 1);
    }

    // R-6.4.1a: one search box over the registry; results follow the typing.
    void searchUpdatesResultsForAFragment_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }

    void searchUpdatesResultsForAFragment()
    {
        QFETCH(QString, language);
        useLanguage(language);
        auto window = windowFor(QStringLiteral("clinician"));
        QVERIFY(window);
        PatientsPage *page = patientsPage(*window);
        QVERIFY(page);
        QAbstractItemModelTester tester(page->resultsModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const qint64 auditBefore = m_workspace->info().auditEvents;

        // A Chinese fragment arrives as the input method commits it.
        const int runsBefore = page->searchController()->executedCount();
        page->searchEdit()->setFocus();
        QInputMethodEvent commit;
        commit.setCommitString(QStringLiteral("张"));
        QCoreApplication::sendEvent(page->searchEdit(), &commit);
        QTRY_COMPARE(page->resultsModel()->rowCount(), 3);
        QCOMPARE(page->searchController()->executedCount(), runsBefore + 1);
        for (const registry::PatientHit &hit : page->resultsModel()->hits())
            QVERIFY2(hit.displayName.contains(QStringLiteral("张")), qPrintable(hit.displayName));

        // Typed letter by letter in pinyin: one query for the whole word, the three Zhangs first.
        page->searchEdit()->clear();
        const int runsBeforePinyin = page->searchController()->executedCount();
        QTest::keyClicks(page->searchEdit(), QStringLiteral("zhang"));
        // (The emptied box showed the user's recent patients meanwhile: wait for the query itself.)
        QTRY_COMPARE(page->searchController()->executedCount(), runsBeforePinyin + 1);
        QTRY_VERIFY(page->resultsModel()->rowCount() >= 3);
        for (int row = 0; row < 3; ++row)
            QVERIFY2(page->resultsModel()->hitAt(row)->displayName.startsWith(QStringLiteral("张")),
                     qPrintable(page->resultsModel()->hitAt(row)->displayName));

        // Pinyin of a fragment, typed in Latin letters.
        page->searchEdit()->clear();
        const int runsBeforeFragment = page->searchController()->executedCount();
        QTest::keyClicks(page->searchEdit(), QStringLiteral("wangf"));
        QTRY_VERIFY(page->searchController()->executedCount() > runsBeforeFragment);
        QTRY_VERIFY(page->resultsModel()->rowCount() >= 1);
        QCOMPARE(page->resultsModel()->hitAt(0)->displayName, QStringLiteral("王芳"));

        // Part of a pseudonymous ID finds its patient.
        const QString pseudonym = m_patients.at(5).pseudonymId;
        page->search(pseudonym.left(7));
        QTRY_VERIFY(page->resultsModel()->rowCount() >= 1);
        bool found = false;
        for (const registry::PatientHit &hit : page->resultsModel()->hits())
            found = found || hit.pseudonymId == pseudonym;
        QVERIFY(found);

        // Every search is audited (R-6.4.1 with ).
        QVERIFY(m_workspace->info().auditEvents > auditBefore);

        page->search(QStringLiteral("张"));
        QTRY_COMPARE(page->resultsModel()->rowCount(), 3);
        auto *table = findChildNamed<QTableView>(page, "patientResultsTable");
        QVERIFY(!table->isColumnHidden(PatientSearchModel::NameColumn));
        saveScreenshot(window.get(), QStringLiteral("patients-list-") + language);

        // Enter opens the selected patient; Alt+Left goes back to the list.
        table->selectRow(1);
        const QUuid chosen = page->resultsModel()->hitAt(1)->patientId;
        QTest::keyClick(table, Qt::Key_Return);
        QVERIFY(page->isShowingPatient());
        QCOMPARE(page->patientPage()->patientId(), chosen);
        page->patientPage()->backAction()->trigger();
        QVERIFY(!page->isShowingPatient());
        useLanguage(QStringLiteral("en"));
    }

    // R-6.4.1a (identity by role): researchers search by pseudonym and diagnosis, never see a name.
    // Tried as a new user would: the list was empty until one typed. Before anything is typed it
    // shows the patients the user worked on, newest first, with their diagnosis.
    void emptySearchShowsTheUsersRecentPatients()
    {
        auto window = windowFor(QStringLiteral("clinician"));
        QVERIFY(window);
        PatientsPage *page = patientsPage(*window);
        QVERIFY(page);
        page->findChild<QLineEdit *>(QStringLiteral("patientSearchEdit"))->clear();
        page->showDesk();
        auto *table = page->findChild<QTableView *>(QStringLiteral("patientResultsTable"));
        QVERIFY(table);
        const QAbstractItemModel *model = table->model();
        // initTestCase registered eleven patients as this clinician (all at the same instant of the
        // test's clock; the order by time is tst_Registry's), one of them with a diagnosis.
        QCOMPARE(model->rowCount(), 11);
        int diagnosed = -1;
        QSet<QString> shown;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString pseudonym =
                model->index(row, PatientSearchModel::PseudonymColumn).data().toString();
            shown.insert(pseudonym);
            if (pseudonym == m_patients.at(2).pseudonymId)
                diagnosed = row;
        }
        QVERIFY(shown.contains(m_twin.pseudonymId));
        QVERIFY(diagnosed >= 0);
        QVERIFY2(model->index(diagnosed, PatientSearchModel::DiagnosisColumn)
                     .data()
                     .toString()
                     .contains(QStringLiteral("三阴性")),
                 qPrintable(model->index(diagnosed, PatientSearchModel::DiagnosisColumn).data().toString()));
        QCOMPARE(model->index(0, PatientSearchModel::MatchColumn).data().toString(),
                 QStringLiteral("worked on recently"));
        saveScreenshot(window.get(), QStringLiteral("patients-desk-en"));
    }

    // Another account who never touched these patients gets no list of them.
    void recentPatientsAreTheAccountsOwn()
    {
        auto window = windowFor(QStringLiteral("data-manager"));
        QVERIFY(window);
        PatientsPage *page = patientsPage(*window);
        QVERIFY(page);
        page->showDesk();
        auto *table = page->findChild<QTableView *>(QStringLiteral("patientResultsTable"));
        QCOMPARE(table->model()->rowCount(), 0);
    }

    // The search result shows each patient's diagnosis, so the right one is chosen without opening.
    void searchHitsCarryTheDiagnosis()
    {
        auto window = windowFor(QStringLiteral("clinician"));
        QVERIFY(window);
        PatientsPage *page = patientsPage(*window);
        page->search(QStringLiteral("三阴性"));
        auto *table = page->findChild<QTableView *>(QStringLiteral("patientResultsTable"));
        QTRY_VERIFY(table->model()->rowCount() > 0);
        QCOMPARE(table->model()->index(0, PatientSearchModel::PseudonymColumn).data().toString(),
                 m_patients.at(2).pseudonymId);
        QVERIFY(table->model()
                    ->index(0, PatientSearchModel::DiagnosisColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("IIB")));
    }

    // R-5.2d (issue 10): a researcher without a grant sees how many patients match, never who, and
    // gets the request entry; no name is searched even for a count.
    void researcherSeesCountsAndTheRequestEntry()
    {
        auto window = windowFor(QStringLiteral("researcher"));
        QVERIFY(window);
        QVERIFY(window->pages().contains(QStringLiteral("patients")));
        PatientsPage *page = patientsPage(*window);
        QVERIFY(page);
        QVERIFY(page->countsOnly());
        QVERIFY(!page->filter().identityVisible);
        QVERIFY(!page->mayEdit());
        QVERIFY(!findChildNamed<QPushButton>(page, "newPatientButton")->isVisible());
        QVERIFY(page->requestAccessButton()->isVisibleTo(page));

        // A pseudonymous ID matches one patient: fewer than the minimum cell size, so not told.
        page->search(m_patients.at(0).pseudonymId);
        QTRY_COMPARE(page->searchController()->isPending(), false);
        QCOMPARE(page->resultsModel()->rowCount(), 0); // no rows, ever
        const QString info = findChildNamed<QLabel>(page, "patientResultInfo")->text();
        QVERIFY2(info.contains(QStringLiteral("Fewer than 5")), qPrintable(info));
        // The patient does not open through the page either: the service refuses, and the page says
        // why and points to the request entry (R-5.2d).
        QVERIFY(!page->openPatient(m_patients.at(0).id));
        const QString refusal = findChildNamed<QLabel>(page, "patientsMessage")->text();
        const QString why = m_workspace->patientAccess(policy::Action::Read).explanation();
        QVERIFY(!why.isEmpty());
        QVERIFY2(refusal.contains(why), qPrintable(refusal));
        QVERIFY(page->requestAccessButton()->isVisibleTo(page));

        // The request entry: explanation, scope, purpose, agreement. This workstation has no site
        // server, so the request cannot be sent: the dialog says so and stays open.
        QTimer::singleShot(0, this, [this] {
            auto *dialog = qobject_cast<access::ui::AccessRequestDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QVERIFY(!findChildNamed<QLabel>(dialog, "accessRefusalText")->text().isEmpty());
            dialog->projectEdit()->setText(QStringLiteral("NRT-IO-2026"));
            dialog->cohortEdit()->setText(QStringLiteral("stage II-III, neoadjuvant radiotherapy with PD-1"));
            dialog->purposeEdit()->setPlainText(
                QStringLiteral("新辅助放疗联合免疫治疗后病理完全缓解率及其影响因素的回顾性分析"));
            dialog->agreementBox()->setChecked(true);
            QVERIFY(dialog->passwordEdit());
            dialog->passwordEdit()->setText(QStringLiteral("whatever"));
            saveScreenshot(dialog, QStringLiteral("access-request-en"));
            dialog->submitButton()->click();
            QVERIFY(dialog->isVisible());
            QVERIFY2(dialog->messageLabel()->text().contains(QStringLiteral("not linked")),
                     qPrintable(dialog->messageLabel()->text()));
            dialog->reject();
        });
        QVERIFY(!page->requestAccess());
        saveScreenshot(window.get(), QStringLiteral("patients-researcher-en"));
    }

    // The registry's messages (a resident ID's fault, a refused file) reach the dialogs in Chinese too.
    void registryMessagesAreTranslated()
    {
        useLanguage(QStringLiteral("zh_CN"));
        const auto messages = PatientRegistryMessages::all();
        QVERIFY(messages.size() > 90);
        for (const PatientRegistryMessage &m : messages) {
            const QString text = QCoreApplication::translate(m.context, m.text);
            QVERIFY2(text != QString::fromUtf8(m.text), m.text);
        }
        auto parsed = registry::ResidentId::parse(QStringLiteral("11010519491231002"), m_clock);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().message, QStringLiteral("身份证号应为 18 位，此号码为 17 位。"));
        useLanguage(QStringLiteral("en"));
    }

    // R-7.1.2 (level 3: watermarking): a reviewer reads pseudonymous records under a watermark naming
    // them, as the permission engine obliges; the clinician, who sees identity, reads without one.
    void reviewerReadsUnderAWatermark()
    {
        auto reviewer = windowFor(QStringLiteral("reviewer"));
        QVERIFY(reviewer);
        PatientsPage *page = patientsPage(*reviewer);
        QVERIFY(page);
        QVERIFY(m_workspace->patientAccess(policy::Action::Read).obligations.watermark);
        auto *mark = page->findChild<viewer::WatermarkOverlay *>(QStringLiteral("watermark"));
        QVERIFY(mark);
        QVERIFY(mark->isVisible());
        QVERIFY2(mark->text().contains(account(QStringLiteral("reviewer")).userName),
                 qPrintable(mark->text()));
        QVERIFY(mark->testAttribute(Qt::WA_TransparentForMouseEvents));
        QCOMPARE(mark->geometry(), page->rect());
        QVERIFY(page->openPatient(m_patients.at(0).id));
        saveScreenshot(reviewer.get(), QStringLiteral("patients-reviewer-watermark-en"));

        auto clinician = windowFor(QStringLiteral("clinician"));
        PatientsPage *own = patientsPage(*clinician);
        QVERIFY(own);
        QVERIFY(!own->findChild<viewer::WatermarkOverlay *>(QStringLiteral("watermark")));
    }

    void auditorHasNoPatientsPage()
    {
        auto window = windowFor(QStringLiteral("auditor"));
        QVERIFY(window);
        QVERIFY(!window->pages().contains(QStringLiteral("patients")));
        QVERIFY(!window->findChild<PatientsPage *>());
    }

    // R-6.1.1b: probable duplicates wait in a queue for an operator, who dismisses or merges them.
    void duplicateQueueListsThePairAndDismissRemovesIt()
    {
        auto window = windowFor(QStringLiteral("data-manager"));
        QVERIFY(window);
        PatientsPage *page = patientsPage(*window);
        QVERIFY(page);
        page->showDuplicates();
        PatientDuplicatesModel *model = page->duplicatesModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model->rowCount() >= 1);
        const registry::DuplicateCandidate *pair = model->candidateAt(0);
        QVERIFY(pair->pseudonymA == m_patients.at(3).pseudonymId ||
                pair->pseudonymB == m_patients.at(3).pseudonymId);
        // The comparison names both people for the operator.
        QVERIFY(findChildNamed<QLabel>(page, "compareA")->text().contains(QStringLiteral("王芳")));
        QVERIFY(findChildNamed<QLabel>(page, "compareB")->text().contains(QStringLiteral("王芳")));
        saveScreenshot(window.get(), QStringLiteral("patients-duplicates-en"));

        const int before = model->rowCount();
        QVERIFY(page->dismissDuplicate(pair->id, QStringLiteral("different mothers' names on file")));
        QCOMPARE(model->rowCount(), before - 1);
        auto dismissed = m_workspace->registry().possibleDuplicates(registry::DuplicateStatus::Dismissed);
        QVERIFY(dismissed.ok() && !dismissed->isEmpty());
    }

    void shortcutsFocusTheSearchAndOpenNewPatient()
    {
        auto window = windowFor(QStringLiteral("clinician"));
        QVERIFY(window);
        PatientsPage *page = patientsPage(*window);
        QVERIFY(page);
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get(), 20000)); // slow under a loaded CI machine
        QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(page->searchEdit()->hasFocus());
        bool opened = false;
        QTimer::singleShot(0, this, [&opened] {
            QWidget *dialog = QApplication::activeModalWidget();
            opened = dialog && dialog->objectName() == u"newPatientDialog";
            if (dialog)
                dialog->close();
        });
        QTest::keyClick(window.get(), Qt::Key_N, Qt::ControlModifier);
        QTRY_VERIFY(opened);
    }
};

QTEST_MAIN(tst_PatientsPage)
#include "tst_PatientsPage.moc"
