#include "mdp/workspace/DemoWorkspace.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/accounts/Base32.h"
#include "mdp/accounts/Role.h"
#include "mdp/accounts/Totp.h"
#include "mdp/cohort/CohortGenerator.h"
#include "mdp/cohort/CohortImporter.h"
#include "mdp/crypto/Random.h"
#include "mdp/forms/FormStore.h"
#include "mdp/registry/Registry.h"

#include <QJsonArray>

namespace mdp::workspace {

namespace {

struct DemoPerson
{
    accounts::Role role;
    const char *userName;
    const char *displayName;
};

// Synthetic staff of a synthetic breast-cancer research group.
const DemoPerson kPeople[] = {
    {accounts::Role::Clinician, "dr.wang", "王医生 (Dr. Wang)"},
    {accounts::Role::Reviewer, "rev.li", "李审核 (Reviewer Li)"},
    {accounts::Role::Researcher, "res.zhang", "张研究员 (Researcher Zhang)"},
    {accounts::Role::EthicsReviewer, "eth.chen", "陈伦理 (Ethics Chen)"},
    {accounts::Role::DataManager, "dm.liu", "刘数据 (Data Manager Liu)"},
    {accounts::Role::Auditor, "aud.zhao", "赵审计 (Auditor Zhao)"},
    {accounts::Role::SystemAdmin, "admin.sun", "孙管理 (Admin Sun)"},
};

Result<void> importCohort(Workspace &w, const Clock &clock, const DemoCohortOptions &options)
{
    cohort::CohortOptions generated;
    generated.patients = options.patients;
    generated.seed = options.seed;
    generated.asOf = clock.now().toUTC().date();
    const auto patients = cohort::CohortGenerator(generated).generate();
    cohort::CohortImporter importer(w.registry(), w.database(),
                                    w.custodianId().toString(QUuid::WithoutBraces));
    importer.setTransactionRunner(
        [&w](const cohort::CohortImporter::Work &work) { return w.runBatch(work); });
    importer.setDocuments(options.renderer, &w.vault(), options.documentEvery);
    if (options.progress)
        importer.setProgressHandler(
            [&options](const cohort::ImportProgress &p) { return options.progress(p.done, p.total); });
    auto report = importer.run(patients);
    if (!report)
        return report.error();
    return {};
}

// A live review workflow for the demo: the demo reviewer's profile and records by the demo clinician
// in every state (pending in the reviewer's inbox, rejected with a reason, approved, an amendment of
// an approved record waiting for review, so the inbox has a diff to show, and a draft), all
// made through the FormStore so they carry the same versions, tasks and notices as real ones.
Result<void> seedReviewWorkflow(Workspace &w, const Clock &clock)
{
    auto account = [&w](const char *name) -> Result<QString> {
        auto a = w.accounts().find(QString::fromLatin1(name));
        if (!a)
            return a.error();
        if (!a.value())
            return makeError(Error::Code::NotFound, QStringLiteral("demo account missing"));
        return a.value()->idString();
    };
    auto clinician = account("dr.wang");
    auto reviewer = account("rev.li");
    auto manager = account("dm.liu");
    if (!clinician || !reviewer || !manager)
        return makeError(Error::Code::NotFound, QStringLiteral("a demo account is missing"));
    forms::FormStore &store = w.forms();
    if (auto p =
            store.setReviewerProfile(manager.value(), forms::ReviewerProfile{reviewer.value(), {}, {}, {}});
        !p)
        return p;
    registry::PageRequest page;
    page.limit = 8;
    auto patients = w.registry().patients(clinician.value(), page);
    if (!patients)
        return patients.error();
    const QString today = clock.now().toUTC().date().addDays(-1).toString(Qt::ISODate);
    const QString earlier = clock.now().toUTC().date().addDays(-30).toString(Qt::ISODate);
    enum class Target
    {
        Draft,
        Pending,
        Rejected,
        Approved,
        Amended
    };
    const Target targets[] = {Target::Amended,  Target::Pending,  Target::Pending, Target::Rejected,
                              Target::Approved, Target::Approved, Target::Draft,   Target::Pending};
    int i = 0;
    for (const registry::Patient &p : patients->patients) {
        const Target target = targets[i % 8];
        forms::NewRecord n;
        n.patientId = p.id;
        n.patientPseudonym = p.pseudonymId;
        if (i % 2 == 0) {
            n.formId = QStringLiteral("follow-up");
            n.values = QJsonObject{{QStringLiteral("followUpDate"), today},
                                   {QStringLiteral("method"), QStringLiteral("clinic")},
                                   {QStringLiteral("status"), QStringLiteral("alive-ned")}};
        } else {
            n.formId = QStringLiteral("toxicity");
            n.values =
                QJsonObject{{QStringLiteral("term"), QStringLiteral("Dermatitis radiation")},
                            {QStringLiteral("grade"), 1 + i % 2},
                            {QStringLiteral("onsetDate"), earlier},
                            {QStringLiteral("attribution"), QStringLiteral("probable")},
                            {QStringLiteral("attributedTo"), QJsonArray{QStringLiteral("radiotherapy")}},
                            {QStringLiteral("serious"), QStringLiteral("no")}};
        }
        ++i;
        auto r = store.createDraft(clinician.value(), n);
        if (!r)
            return r.error();
        if (target == Target::Draft)
            continue;
        auto submitted = store.submit(clinician.value(), r->id, r->revision);
        if (!submitted)
            return submitted.error();
        if (target == Target::Rejected) {
            auto rejected = store.reject(reviewer.value(), r->id, submitted->revision,
                                         QStringLiteral("请补充随访方式并核对随访日期。"));
            if (!rejected)
                return rejected.error();
        } else if (target == Target::Approved || target == Target::Amended) {
            auto approved = store.approve(reviewer.value(), r->id, submitted->revision);
            if (!approved)
                return approved.error();
            if (target == Target::Amended) {
                auto amending = store.amend(clinician.value(), r->id, approved->revision,
                                            QStringLiteral("电话随访后更正随访方式与状态"));
                if (!amending)
                    return amending.error();
                QJsonObject values = amending->values;
                values.insert(QStringLiteral("method"), QStringLiteral("phone"));
                values.insert(QStringLiteral("status"), QStringLiteral("alive-disease"));
                values.insert(QStringLiteral("recurrenceDate"), today);
                values.insert(QStringLiteral("recurrenceSites"), QJsonArray{QStringLiteral("bone")});
                auto saved = store.saveDraft(clinician.value(), r->id, values, amending->revision);
                if (!saved)
                    return saved.error();
                if (auto again = store.submit(clinician.value(), r->id, saved->revision); !again)
                    return again.error();
            }
        }
    }
    return {};
}

} // namespace

Result<DemoWorkspace> createDemoWorkspace(const QString &directory, const Clock &clock,
                                          const DemoCohortOptions &cohort, const SecureBytes &passphrase)
{
    CreateOptions options;
    options.directory = directory;
    if (passphrase.isEmpty()) {
        // Random and forgotten: a throw-away workspace is never reopened.
        QByteArray pass = crypto::randomBytes(24).toBase64();
        options.passphrase = SecureBytes::takeFrom(pass);
    } else {
        options.passphrase = passphrase;
    }
    auto ws = Workspace::create(options, clock);
    if (!ws)
        return ws.error();
    DemoWorkspace demo;
    demo.workspace = std::move(ws.value());
    Workspace &w = *demo.workspace;
    w.beginCustodianSession();
    for (const DemoPerson &p : kPeople) {
        DemoAccount a;
        a.userName = QString::fromUtf8(p.userName);
        a.displayName = QString::fromUtf8(p.displayName);
        a.role = accounts::roleId(p.role);
        a.password = QStringLiteral("Demo-") + a.role + QStringLiteral("-2026!");
        auto created =
            w.accounts().createAccount(w.custodianId(), a.userName, a.displayName, p.role, a.password);
        if (!created) {
            w.logout();
            return created.error();
        }
        if (accounts::requiresSecondFactor(p.role)) {
            auto enrolment = w.accounts().enrollTotp(a.userName, a.password);
            if (!enrolment) {
                w.logout();
                return enrolment.error();
            }
            a.totpSecretBase32 = enrolment->secretBase32;
            // Confirm with the code of the previous step so the current one stays usable for login.
            auto secret = accounts::base32Decode(a.totpSecretBase32);
            if (!secret) {
                w.logout();
                return makeError(Error::Code::Corrupt, QStringLiteral("the TOTP secret is not base32"));
            }
            accounts::Totp totp(SecureBytes::takeFrom(*secret), clock, enrolment->parameters);
            auto confirmed = w.accounts().confirmTotp(a.userName, totp.codeForStep(totp.currentStep() - 1));
            if (!confirmed) {
                w.logout();
                return confirmed.error();
            }
        }
        demo.accounts << a;
    }
    if (cohort.patients > 0) {
        if (auto imported = importCohort(w, clock, cohort); !imported) {
            w.logout();
            return imported.error();
        }
        if (auto seeded = seedReviewWorkflow(w, clock); !seeded) {
            w.logout();
            return seeded.error();
        }
    }
    w.logout();
    return demo;
}

Result<Session> loginDemoAccount(Workspace &workspace, const DemoAccount &account)
{
    QString code;
    if (!account.totpSecretBase32.isEmpty()) {
        auto secret = accounts::base32Decode(account.totpSecretBase32);
        if (!secret)
            return makeError(Error::Code::Corrupt, QStringLiteral("the TOTP secret is not base32"));
        accounts::Totp totp(SecureBytes::takeFrom(*secret), workspace.clock());
        code = totp.currentCode();
    }
    QByteArray pw = account.password.toUtf8();
    return workspace.login(account.userName, SecureBytes::takeFrom(pw), code);
}

} // namespace mdp::workspace
