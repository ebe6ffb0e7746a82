#pragma once

// A real (encrypted, throw-away) workspace for the form dialogs and pages: the demo accounts, a
// second clinician, the shipped form templates imported by the data manager, a reviewer profile,
// and a patient with the breast-cancer reference history. Everything is synthetic.

#include "PatientTestSupport.h"
#include "mdp/accounts/AccountDirectory.h"
#include "mdp/accounts/Base32.h"
#include "mdp/accounts/Role.h"
#include "mdp/accounts/Totp.h"
#include "mdp/forms/DefaultTemplates.h"
#include "mdp/forms/FormStore.h"
#include "mdp/forms/ui/FormView.h"
#include "mdp/workbench/SessionContext.h"
#include "mdp/workspace/DemoWorkspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>

namespace mdp::shell::testing {

class FormsWorld
{
public:
    QTemporaryDir root;
    ManualClock clock{QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC)};
    std::unique_ptr<workspace::Workspace> workspace;
    QList<workspace::DemoAccount> accounts;
    workspace::DemoAccount secondClinician;
    registry::Patient patient;
    RichHistory history;

    const workspace::DemoAccount &account(const QString &role) const
    {
        for (const auto &a : accounts) {
            if (a.role == role)
                return a;
        }
        qFatal("no demo account for the role");
    }

    QString accountId(const workspace::DemoAccount &a)
    {
        auto list = workspace->accounts().list();
        if (!list)
            qFatal("account list failed");
        for (const accounts::Account &x : list.value()) {
            if (x.userName == a.userName)
                return x.idString();
        }
        qFatal("account not found");
    }

    // Signs `a` in and hands out the pages' shared context for that session.
    std::unique_ptr<workbench::SessionContext> signIn(const workspace::DemoAccount &a)
    {
        workspace->logout();
        clock.advance(30'000);
        auto session = workspace::loginDemoAccount(*workspace, a);
        if (!session)
            qFatal("login failed: %s", qPrintable(session.error().toString()));
        return std::make_unique<workbench::SessionContext>(*workspace, session.value());
    }
    std::unique_ptr<workbench::SessionContext> signIn(const QString &role) { return signIn(account(role)); }

    bool create()
    {
        if (!root.isValid())
            return false;
        auto demo = workspace::createDemoWorkspace(root.filePath(QStringLiteral("workspace")), clock);
        if (!demo) {
            qWarning("demo workspace: %s", qPrintable(demo.error().toString()));
            return false;
        }
        workspace = std::move(demo->workspace);
        accounts = demo->accounts;

        // A second clinician, enrolled like the demo ones.
        if (auto custodian = workspace->beginCustodianSession(); !custodian)
            qFatal("custodian: %s", qPrintable(custodian.error().toString()));
        secondClinician.userName = QStringLiteral("dr.zhou");
        secondClinician.displayName = QStringLiteral("周医生 (Dr. Zhou)");
        secondClinician.role = QStringLiteral("clinician");
        secondClinician.password = QStringLiteral("Second-clinician-2026!");
        if (!workspace->accounts().createAccount(workspace->custodianId(), secondClinician.userName,
                                                 secondClinician.displayName, accounts::Role::Clinician,
                                                 passwordBytes(secondClinician.password.toUtf8())))
            return false;
        auto code =
            workspace->accounts().issueEnrolmentCode(workspace->custodianId(), secondClinician.userName);
        if (!code)
            return false;
        auto enrolment = workspace->accounts().enrollTotp(
            secondClinician.userName, passwordBytes(secondClinician.password.toUtf8()), code.value());
        if (!enrolment)
            return false;
        secondClinician.totpSecretBase32 = enrolment->secretBase32;
        auto secret = accounts::base32Decode(secondClinician.totpSecretBase32);
        accounts::Totp totp(SecureBytes::takeFrom(*secret), clock, enrolment->parameters);
        if (!workspace->accounts().confirmTotp(secondClinician.userName,
                                               totp.codeForStep(totp.currentStep() - 1)))
            return false;
        workspace->logout();

        // The shipped templates and a reviewer for every category.
        const QString reviewer = accountId(account(QStringLiteral("reviewer")));
        {
            auto dm = signIn(QStringLiteral("data-manager"));
            forms::FormStore &store = workspace->forms();
            for (const QByteArray &json : forms::defaultTemplateJson()) {
                auto imported = store.importDefinition(dm->session().accountId, json);
                if (!imported) {
                    qWarning("template import: %s", qPrintable(imported.error().toString()));
                    return false;
                }
            }
            forms::ReviewerProfile profile;
            profile.accountId = reviewer;
            if (auto set = store.setReviewerProfile(dm->session().accountId, profile); !set) {
                qWarning("reviewer profile: %s", qPrintable(set.error().toString()));
                return false;
            }
        }
        auto clinician = signIn(QStringLiteral("clinician"));
        patient = createPatient(*workspace, clinician->session().accountId, QStringLiteral("林晓梅"),
                                registry::Sex::Female, QDate(1975, 6, 18),
                                residentId(QStringLiteral("350102"), QDate(1975, 6, 18), 42));
        history = addBreastCancerHistory(*workspace, clinician->session().accountId, patient.id, true);
        workspace->logout();
        return true;
    }

    forms::NewRecord newRecord(const QString &formId, const QUuid &eventId) const
    {
        forms::NewRecord r;
        r.formId = formId;
        r.patientId = patient.id;
        r.patientPseudonym = patient.pseudonymId;
        r.eventId = eventId;
        return r;
    }
};

// Typing into the form as a user would, through its editors.
inline bool choose(forms::ui::FormView &view, const QString &path, const QString &code)
{
    auto *combo = qobject_cast<QComboBox *>(view.editor(path));
    if (!combo || combo->findData(code) < 0) {
        qWarning("cannot choose %s in %s", qPrintable(code), qPrintable(path));
        return false;
    }
    combo->setCurrentIndex(combo->findData(code));
    return true;
}

inline bool setNumber(forms::ui::FormView &view, const QString &path, double value)
{
    if (auto *d = qobject_cast<QDoubleSpinBox *>(view.editor(path))) {
        d->setValue(value);
        return true;
    }
    if (auto *i = qobject_cast<QSpinBox *>(view.editor(path))) {
        i->setValue(int(value));
        return true;
    }
    qWarning("no number editor for %s", qPrintable(path));
    return false;
}

inline bool setDate(forms::ui::FormView &view, const QString &path, QDate date)
{
    auto *edit = qobject_cast<QDateEdit *>(view.editor(path));
    if (!edit)
        return false;
    edit->setDate(date);
    return true;
}

inline bool check(forms::ui::FormView &view, const QString &path, const QString &code)
{
    auto *box = view.findChild<QCheckBox *>(QStringLiteral("field_%1_%2").arg(path, code));
    if (!box)
        return false;
    box->setChecked(true);
    return true;
}

inline bool addRow(forms::ui::FormView &view, const QString &group)
{
    auto *button = view.findChild<QPushButton *>(QStringLiteral("addRow_") + group);
    if (!button)
        return false;
    button->click();
    return true;
}

// The baseline of the reference case: triple-negative, cT2 N1 M0, stage IIB.
inline bool fillBaseline(forms::ui::FormView &view)
{
    return setDate(view, QStringLiteral("diagnosisDate"), QDate(2021, 3, 15)) &&
           setNumber(view, QStringLiteral("ageAtDiagnosis"), 45) &&
           choose(view, QStringLiteral("laterality"), QStringLiteral("left")) &&
           choose(view, QStringLiteral("pathologyType"), QStringLiteral("8500/3")) &&
           choose(view, QStringLiteral("cT"), QStringLiteral("T2")) &&
           choose(view, QStringLiteral("cN"), QStringLiteral("N1")) &&
           choose(view, QStringLiteral("cM"), QStringLiteral("M0")) &&
           choose(view, QStringLiteral("clinicalStage"), QStringLiteral("IIB")) &&
           setNumber(view, QStringLiteral("erPercent"), 0) &&
           setNumber(view, QStringLiteral("prPercent"), 0) &&
           choose(view, QStringLiteral("her2Ihc"), QStringLiteral("1+")) &&
           setNumber(view, QStringLiteral("ki67Percent"), 60);
}

// The radiotherapy plan of the reference case with its organ-at-risk table.
inline bool fillRadiotherapyPlan(forms::ui::FormView &view)
{
    bool ok = choose(view, QStringLiteral("technique"), QStringLiteral("vmat")) &&
              check(view, QStringLiteral("targets"), QStringLiteral("breast")) &&
              check(view, QStringLiteral("targets"), QStringLiteral("supraclavicular")) &&
              check(view, QStringLiteral("targets"), QStringLiteral("axilla")) &&
              setNumber(view, QStringLiteral("totalDoseGy"), 50) &&
              setNumber(view, QStringLiteral("fractions"), 25) &&
              setNumber(view, QStringLiteral("dosePerFractionGy"), 2) &&
              choose(view, QStringLiteral("boost"), QStringLiteral("no")) &&
              setDate(view, QStringLiteral("startDate"), QDate(2021, 4, 19)) &&
              setDate(view, QStringLiteral("endDate"), QDate(2021, 5, 22));
    const QList<std::tuple<QString, QString, double>> rows{
        {QStringLiteral("heart"), QStringLiteral("Dmean"), 3.1},
        {QStringLiteral("lad"), QStringLiteral("Dmax"), 17.8},
        {QStringLiteral("lung-ipsilateral"), QStringLiteral("V20"), 14.2},
        {QStringLiteral("lung-ipsilateral"), QStringLiteral("V5"), 52.4},
        {QStringLiteral("breast-contralateral"), QStringLiteral("Dmean"), 1.2},
        {QStringLiteral("spinal-cord"), QStringLiteral("Dmax"), 6.4},
    };
    for (int r = 0; ok && r < rows.size(); ++r) {
        const auto &[structure, metric, value] = rows.at(r);
        const QString prefix = QStringLiteral("oarDoses[%1].").arg(r);
        ok = addRow(view, QStringLiteral("oarDoses")) &&
             choose(view, prefix + QStringLiteral("structure"), structure) &&
             choose(view, prefix + QStringLiteral("metric"), metric) &&
             setNumber(view, prefix + QStringLiteral("value"), value);
    }
    return ok;
}

} // namespace mdp::shell::testing
