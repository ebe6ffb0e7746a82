#include "mdp/workspace/DemoWorkspace.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/accounts/Base32.h"
#include "mdp/accounts/DemoStaff.h"
#include "mdp/accounts/Role.h"
#include "mdp/accounts/Totp.h"
#include "mdp/crypto/Random.h"
#include "mdp/disease/DiseasePack.h"
#include "mdp/disease/DiseasePackLoader.h"
#include "mdp/workspace/ServerLink.h"
#include "mdp/workspace/SiteAccess.h"
#include "mdp/workspace/WorkspaceDemoTarget.h"

namespace mdp::workspace {

namespace {

// The pack's cohort, then its review records by the demo accounts.
Result<void> fillFromPack(Workspace &w, const Clock &clock, disease::DiseasePack &pack,
                          const DemoCohortOptions &options)
{
    WorkspaceDemoTarget target(w);
    disease::DemoCohortRequest request;
    request.patients = options.patients;
    request.seed = options.seed;
    request.asOf = clock.now().toUTC().date();
    request.documentEvery = options.documentEvery;
    request.progress = options.progress;
    auto report = pack.importDemoCohort(target, request);
    if (!report)
        return report.error();
    return pack.seedDemoRecords(target);
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
    if (auto custodian = w.beginCustodianSession(SessionOrigin::Workstation); !custodian)
        return custodian.error();
    for (const accounts::DemoPerson &p : accounts::demoStaff()) {
        DemoAccount a;
        a.userName = p.userName;
        a.displayName = p.displayName;
        a.role = accounts::roleId(p.role);
        a.password = p.password;
        auto created = w.accounts().createAccount(w.custodianId(), a.userName, a.displayName, p.role,
                                                  passwordBytes(a.password.toUtf8()));
        if (!created) {
            w.logout();
            return created.error();
        }
        if (accounts::requiresSecondFactor(p.role)) {
            auto code = w.accounts().issueEnrolmentCode(w.custodianId(), a.userName);
            if (!code) {
                w.logout();
                return code.error();
            }
            auto enrolment =
                w.accounts().enrollTotp(a.userName, passwordBytes(a.password.toUtf8()), code.value());
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
    disease::DiseasePack *pack = cohort.pack ? cohort.pack : disease::installedDiseasePacks().demoPack();
    if (cohort.patients > 0 && pack) {
        if (auto filled = fillFromPack(w, clock, *pack, cohort); !filled) {
            w.logout();
            return filled.error();
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
    auto session = workspace.login(account.userName, passwordBytes(account.password.toUtf8()), code);
    if (!session || !workspace.serverLink().settings())
        return session;
    QString serverCode;
    if (!account.serverTotpSecretBase32.isEmpty()) {
        auto secret = accounts::base32Decode(account.serverTotpSecretBase32);
        if (secret)
            serverCode =
                accounts::Totp(SecureBytes::takeFrom(*secret), SystemClock::instance()).currentCode();
    }
    if (auto connected = workspace.siteAccess().connect(passwordBytes(account.password.toUtf8()), serverCode);
        !connected)
        qWarning("mdp demo: %s did not sign in at the demo server: %s", qPrintable(account.userName),
                 qPrintable(connected.error().message));
    return session;
}

} // namespace mdp::workspace
