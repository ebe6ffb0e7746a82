#include "mdp/accounts/SqlCipherAccountDirectory.h"

#include "../core/src/AccountsLogging.h"
#include "mdp/accounts/AccountAuditSink.h"
#include "mdp/accounts/Base32.h"
#include "mdp/accounts/PasswordHasher.h"
#include "mdp/accounts/PasswordPolicy.h"
#include "mdp/accounts/Resources.h"
#include "mdp/crypto/Hash.h"
#include "mdp/crypto/Random.h"
#include "mdp/store/Database.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

namespace mdp::accounts {

namespace {

const QString kColumns = QStringLiteral(
    "id, user_name, display_name, password_hash, locked, failed_attempts, locked_until, totp_secret, "
    "totp_algorithm, totp_digits, totp_period, totp_confirmed, totp_last_step, created_at, updated_at, "
    "password_changed_at, last_login_at, enrolment_code, enrolment_code_expires");

constexpr int kMaxUserNameLength = 64;
constexpr int kMaxDisplayNameLength = 128;

// Everything the directory knows about an account, secrets included; never leaves this file.
struct StoredAccount
{
    Account account;
    QString passwordHash;
    SecureBytes totpSecret;
    TotpParameters totpParameters;
    std::optional<qint64> totpLastStep;
    QByteArray enrolmentCode; // digest of the administrator's one-time code, empty when none
    QDateTime enrolmentCodeExpires;

    QString id() const { return account.idString(); }
    bool totpPending() const { return !account.totpEnrolled && !totpSecret.isEmpty(); }
};

QString translated(const char *text)
{
    return QCoreApplication::translate("mdp::accounts::AccountDirectory", text);
}

// Folded so that names differing only in case or character width collide (R-7.4.2 unique accounts).
QString nameKey(const QString &userName)
{
    return userName.trimmed().normalized(QString::NormalizationForm_KC).toCaseFolded();
}

QDateTime timeFrom(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

// The stored form of an enrolment code: its SM3 digest bound to the account, so a digest copied to
// another row proves nothing. Dashes, spaces and case do not matter.
QByteArray enrolmentCodeDigest(const QString &accountId, QStringView code)
{
    QByteArray normal;
    for (const QChar c : code) {
        if (c.unicode() < 0x80 && c.isLetterOrNumber())
            normal.append(c.toUpper().toLatin1());
    }
    if (normal.isEmpty())
        return {};
    return crypto::hash(crypto::HashAlgorithm::Sm3,
                        QByteArray("mdp-enrolment-code/1\n") + accountId.toUtf8() + '\n' + normal);
}

Error lockedByAdministrator()
{
    return makeError(
        Error::Code::Locked,
        QCoreApplication::translate("mdp::accounts::AccountDirectory",
                                    "This account is locked. Ask a system administrator to unlock it."));
}

Error lockedOutUntil(const QDateTime &until)
{
    return makeError(
        Error::Code::Locked,
        QCoreApplication::translate("mdp::accounts::AccountDirectory",
                                    "Too many failed sign-in attempts. This account is locked until %1.")
            .arg(timeText(until)));
}

Error notPermitted()
{
    return makeError(Error::Code::PermissionDenied,
                     QCoreApplication::translate("mdp::accounts::AccountDirectory",
                                                 "Only an unlocked system administrator may do this."));
}

Error accountNotFound()
{
    return makeError(Error::Code::NotFound,
                     QCoreApplication::translate("mdp::accounts::AccountDirectory", "No such account."));
}

// Storage failures keep their code unless it would be mistaken for one of the authentication
// outcomes the login dialog acts on (see LoginFailure).
Error storageError(const Error &error)
{
    qCWarning(lcAccounts) << "account storage failed:" << error.toString();
    switch (error.code) {
    case Error::Code::Unauthenticated:
    case Error::Code::Locked:
    case Error::Code::InvalidArgument:
    case Error::Code::PermissionDenied:
        return makeError(Error::Code::Unknown, error.message);
    default:
        return error;
    }
}

Result<void> validateUserName(const QString &userName)
{
    const QString name = userName.trimmed();
    if (name.isEmpty() || name.size() > kMaxUserNameLength)
        return makeError(Error::Code::InvalidArgument,
                         QCoreApplication::translate("mdp::accounts::AccountDirectory",
                                                     "A user name must have 1 to 64 characters."));
    for (QChar c : name) {
        const bool allowed =
            c.isLetterOrNumber() || c.isMark() || c == u'.' || c == u'_' || c == u'-' || c == u'@';
        if (!allowed)
            return makeError(
                Error::Code::InvalidArgument,
                QCoreApplication::translate("mdp::accounts::AccountDirectory",
                                            "A user name may contain letters, digits and . _ - @ only."));
    }
    return {};
}

Result<void> validateDisplayName(const QString &displayName)
{
    const QString name = displayName.trimmed();
    bool printable = true;
    for (QChar c : name)
        printable = printable && c.isPrint();
    if (name.isEmpty() || name.size() > kMaxDisplayNameLength || !printable)
        return makeError(
            Error::Code::InvalidArgument,
            QCoreApplication::translate("mdp::accounts::AccountDirectory",
                                        "A display name must have 1 to 128 printable characters."));
    return {};
}

// Least privilege: the auditor watches everybody else, so it holds no other role.
Result<QList<Role>> normalisedRoles(const QList<Role> &roles)
{
    QList<Role> unique;
    for (Role role : roles) {
        if (!unique.contains(role))
            unique.append(role);
    }
    if (unique.isEmpty())
        return makeError(Error::Code::InvalidArgument,
                         QCoreApplication::translate("mdp::accounts::AccountDirectory",
                                                     "An account needs at least one role."));
    if (unique.contains(Role::Auditor) && unique.size() > 1)
        return makeError(
            Error::Code::InvalidArgument,
            QCoreApplication::translate("mdp::accounts::AccountDirectory",
                                        "The auditor role is independent and cannot be combined with "
                                        "other roles."));
    return unique;
}

QString idText(const QUuid &id)
{
    return id.isNull() ? QString() : id.toString(QUuid::WithoutBraces);
}

} // namespace

struct SqlCipherAccountDirectory::Impl
{
    store::Database &db;
    const Clock &clock;
    AccountAuditSink &sink;
    Options options;
    PasswordHasher hasher;
    PasswordPolicy policy;
    QString decoy;

    Impl(store::Database &database, const Clock &c, AccountAuditSink &s, Options o)
        : db(database)
        , clock(c)
        , sink(s)
        , options(std::move(o))
        , hasher(options.iterationsForTests > 0 ? options.iterationsForTests
                                                : PasswordHasher::kProductionIterations)
        , decoy(hasher.decoyHash())
    {}

    void audit(QStringView type, const QString &actorId, const QString &subjectId, bool success,
               const QString &detail)
    {
        sink.record(type.toString(), actorId, subjectId, success, detail);
    }

    Error fail(QStringView type, const QString &actorId, const QString &subjectId, const QString &detail,
               Error error)
    {
        audit(type, actorId, subjectId, false, detail);
        return error;
    }

    qint64 nowMs() const { return clock.now().toMSecsSinceEpoch(); }

    Result<QList<Role>> loadRoles(const QString &id)
    {
        auto rows = db.query(
            QStringLiteral("SELECT role FROM account_roles WHERE account_id = ?1 ORDER BY position"), {id});
        if (!rows)
            return rows.error();
        QList<Role> roles;
        for (const store::Row &row : std::as_const(*rows)) {
            if (const std::optional<Role> role = roleFromId(row.value(0).toString()))
                roles.append(*role);
            else
                qCWarning(lcAccounts) << "ignoring an unknown role id in the account database";
        }
        return roles;
    }

    StoredAccount fromRow(const store::Row &row, QList<Role> roles)
    {
        StoredAccount s;
        Account &a = s.account;
        a.id = QUuid::fromString(row.value(0).toString());
        a.userName = row.value(1).toString();
        a.displayName = row.value(2).toString();
        s.passwordHash = row.value(3).toString();
        a.locked = row.value(4).toLongLong() != 0;
        a.failedAttempts = row.value(5).toInt();
        a.lockedUntil = timeFrom(row.value(6));
        QByteArray secret = row.value(7).toByteArray();
        s.totpSecret = SecureBytes(secret);
        s.totpParameters.algorithm =
            totpAlgorithmFromName(row.value(8).toString()).value_or(options.totpParameters.algorithm);
        s.totpParameters.digits =
            row.value(9).isNull() ? options.totpParameters.digits : row.value(9).toInt();
        s.totpParameters.periodSeconds =
            row.value(10).isNull() ? options.totpParameters.periodSeconds : row.value(10).toInt();
        a.totpEnrolled = row.value(11).toLongLong() != 0 && !s.totpSecret.isEmpty();
        if (!row.value(12).isNull())
            s.totpLastStep = row.value(12).toLongLong();
        a.created = timeFrom(row.value(13));
        a.updated = timeFrom(row.value(14));
        a.passwordChanged = timeFrom(row.value(15));
        a.lastLogin = timeFrom(row.value(16));
        s.enrolmentCode = row.value(17).toByteArray();
        s.enrolmentCodeExpires = timeFrom(row.value(18));
        a.roles = std::move(roles);
        return s;
    }

    Result<std::optional<StoredAccount>> loadWhere(const QString &condition, const QVariant &value)
    {
        auto row = db.queryOne(QStringLiteral("SELECT ") + kColumns +
                                   QStringLiteral(" FROM accounts WHERE ") + condition,
                               {value});
        if (!row)
            return row.error();
        if (!row->has_value())
            return std::optional<StoredAccount>();
        auto roles = loadRoles(row->value().value(0).toString());
        if (!roles)
            return roles.error();
        return std::optional<StoredAccount>(fromRow(row->value(), std::move(*roles)));
    }

    Result<std::optional<StoredAccount>> loadByName(const QString &userName)
    {
        const QString key = nameKey(userName);
        if (key.isEmpty())
            return std::optional<StoredAccount>();
        return loadWhere(QStringLiteral("user_name_key = ?1"), key);
    }

    Result<std::optional<StoredAccount>> loadById(const QString &id)
    {
        return loadWhere(QStringLiteral("id = ?1"), id);
    }

    Result<Account> reload(const QString &id)
    {
        auto loaded = loadById(id);
        if (!loaded)
            return storageError(loaded.error());
        if (!loaded->has_value())
            return accountNotFound();
        return loaded->value().account;
    }

    bool isActive(const Account &account) const { return !account.isLockedAt(clock.now()); }

    // The acting account for an administrative call: it must exist, hold system-admin and not be locked.
    // The workspace's non-interactive custodian: it acts only through the command line, so it
    // can neither sign in nor be changed by anyone.
    QString serviceAccount;

    bool isServiceAccount(const StoredAccount &stored) const
    {
        return !serviceAccount.isEmpty() && stored.id() == serviceAccount;
    }

    Result<StoredAccount> requireAdmin(const QUuid &actorId)
    {
        if (actorId.isNull())
            return notPermitted();
        auto actor = loadById(idText(actorId));
        if (!actor)
            return storageError(actor.error());
        if (!actor->has_value() || !actor->value().account.hasRole(Role::SystemAdmin) ||
            !isActive(actor->value().account))
            return notPermitted();
        return std::move(actor->value());
    }

    // Unlocked system administrators other than `exceptId`; a temporary lock-out does not count as
    // losing an administrator because it ends by itself.
    Result<qint64> otherUnlockedAdmins(const QString &exceptId)
    {
        auto row =
            db.queryOne(QStringLiteral("SELECT COUNT(*) FROM account_roles r JOIN accounts a ON a.id = "
                                       "r.account_id WHERE r.role = ?1 AND a.locked = 0 AND a.id <> ?2"),
                        {roleId(Role::SystemAdmin), exceptId});
        if (!row)
            return row.error();
        return row->has_value() ? row->value().value(0).toLongLong() : 0;
    }

    // Refuses locked accounts without looking at the password, so guessing gains nothing during a
    // lock-out.
    std::optional<Error> refuseIfLocked(const StoredAccount &stored, QStringView event)
    {
        if (stored.account.locked)
            return fail(event, {}, stored.id(), QStringLiteral("account locked by an administrator"),
                        lockedByAdministrator());
        const QDateTime now = clock.now();
        if (stored.account.lockedUntil.isValid() && stored.account.lockedUntil > now)
            return fail(
                event, {}, stored.id(),
                QStringLiteral("account locked out until %1").arg(timeText(stored.account.lockedUntil)),
                lockedOutUntil(stored.account.lockedUntil));
        return std::nullopt;
    }

    // Counts one failed attempt and, from the limit on, locks the account out for the lock-out
    // duration doubled with each further failure (capped at a day). A lapsed lock-out does not start
    // a fresh count: only a successful sign-in or an administrator's unlock does (issue 9 part 8).
    Error registerFailure(const StoredAccount &stored, QStringView event, const QString &reason, Error error)
    {
        const QString id = stored.id();
        const QDateTime now = clock.now();
        int attempts = 0;
        QDateTime until;
        Result<void> written = db.transaction([&]() -> Result<void> {
            auto changed = db.execute(
                QStringLiteral("UPDATE accounts SET failed_attempts = failed_attempts + 1 WHERE id = ?1"),
                {id});
            if (!changed)
                return changed.error();
            auto row =
                db.queryOne(QStringLiteral("SELECT failed_attempts FROM accounts WHERE id = ?1"), {id});
            if (!row)
                return row.error();
            attempts = row->has_value() ? row->value().value(0).toInt() : 0;
            if (attempts < options.maxFailedAttempts)
                return {};
            until = now.addSecs(lockoutSeconds(attempts));
            auto locked = db.execute(QStringLiteral("UPDATE accounts SET locked_until = ?1 WHERE id = ?2"),
                                     {until.toMSecsSinceEpoch(), id});
            if (!locked)
                return locked.error();
            return {};
        });
        if (!written)
            return fail(event, {}, id, reason + QStringLiteral("; the failure could not be recorded"),
                        storageError(written.error()));
        audit(event, {}, id, false,
              QStringLiteral("%1 (failed attempt %2 of %3)")
                  .arg(reason)
                  .arg(attempts)
                  .arg(options.maxFailedAttempts));
        if (until.isValid()) {
            qCInfo(lcAccounts) << "account" << id << "locked out after" << attempts << "failed attempts";
            audit(AccountEvent::LockedOut, {}, id, true,
                  QStringLiteral("locked out until %1 after %2 failed attempts")
                      .arg(timeText(until))
                      .arg(attempts));
            return lockedOutUntil(until);
        }
        return error;
    }

    // The lock-out after `attempts` consecutive failures (attempts >= the limit): the configured
    // duration, doubled for each failure beyond the limit, at most a day.
    qint64 lockoutSeconds(int attempts) const
    {
        constexpr qint64 kDay = 24 * 3600;
        qint64 seconds = std::max<qint64>(1, options.lockoutDuration.count());
        for (int i = options.maxFailedAttempts; i < attempts && seconds < kDay; ++i)
            seconds *= 2;
        return std::min(seconds, kDay);
    }

    // Whether `code` is the account's unexpired enrolment code.
    bool enrolmentCodeMatches(const StoredAccount &stored, QStringView code) const
    {
        if (stored.enrolmentCode.isEmpty() || !stored.enrolmentCodeExpires.isValid() ||
            stored.enrolmentCodeExpires <= clock.now())
            return false;
        const QByteArray digest = enrolmentCodeDigest(stored.id(), code);
        return !digest.isEmpty() && crypto::constantTimeEquals(digest, stored.enrolmentCode);
    }

    // The first step of every call that proves knowledge of the password: the account is looked up,
    // unknown names cost the same work as known ones (the response time does not reveal which names
    // exist), the custodian and locked accounts are refused, and a wrong password counts towards
    // the lock-out.
    // `password` null: the caller proved it already (the account's key slot opened with it).
    Result<StoredAccount> checkPassword(QStringView event, const QString &userName,
                                        const SecureBytes *password, const QString &wrongPasswordReason)
    {
        auto loaded = loadByName(userName);
        if (!loaded)
            return fail(event, {}, {}, QStringLiteral("storage error"), storageError(loaded.error()));
        if (!loaded->has_value()) {
            if (password)
                (void)hasher.verify(*password, decoy);
            return fail(event, {}, {}, QStringLiteral("unknown user name"), badCredentialsError());
        }
        StoredAccount stored = std::move(loaded->value());
        if (isServiceAccount(stored))
            return fail(event, {}, stored.id(), QStringLiteral("the custodian cannot sign in"),
                        badCredentialsError());
        if (auto refused = refuseIfLocked(stored, event))
            return *refused;
        if (password && !hasher.verify(*password, stored.passwordHash))
            return registerFailure(stored, event, wrongPasswordReason, badCredentialsError());
        return stored;
    }

    // Looks up the subject of an administrative call and checks the actor; audits refusals.
    Result<StoredAccount> adminTarget(QStringView event, const QUuid &actorId, const QString &userName)
    {
        auto target = loadByName(userName);
        if (!target)
            return fail(event, idText(actorId), {}, QStringLiteral("storage error"),
                        storageError(target.error()));
        const QString subject = target->has_value() ? target->value().id() : QString();
        auto actor = requireAdmin(actorId);
        if (!actor)
            return fail(event, idText(actorId), subject,
                        QStringLiteral("actor is not an unlocked system administrator"), actor.error());
        if (!target->has_value())
            return fail(event, idText(actorId), {}, QStringLiteral("no such account"), accountNotFound());
        if (isServiceAccount(target->value()))
            return fail(event, idText(actorId), subject,
                        QStringLiteral("the custodian account cannot be changed"),
                        makeError(Error::Code::PermissionDenied,
                                  translated(QT_TRANSLATE_NOOP("mdp::accounts::AccountDirectory",
                                                               "The workspace custodian account cannot be "
                                                               "changed."))));
        return std::move(target->value());
    }

    Result<void> writeRoles(const QString &id, const QList<Role> &roles)
    {
        auto removed = db.execute(QStringLiteral("DELETE FROM account_roles WHERE account_id = ?1"), {id});
        if (!removed)
            return removed.error();
        for (qsizetype i = 0; i < roles.size(); ++i) {
            auto inserted = db.execute(
                QStringLiteral("INSERT INTO account_roles (account_id, role, position) VALUES (?1, ?2, ?3)"),
                {id, roleId(roles.at(i)), qint64(i)});
            if (!inserted)
                return inserted.error();
        }
        return {};
    }
};

SqlCipherAccountDirectory::SqlCipherAccountDirectory(store::Database &database, const Clock &clock,
                                                     AccountAuditSink &auditSink, Options options)
    : d(std::make_unique<Impl>(database, clock, auditSink, std::move(options)))
{}

SqlCipherAccountDirectory::~SqlCipherAccountDirectory() = default;

Result<std::unique_ptr<SqlCipherAccountDirectory>>
SqlCipherAccountDirectory::open(store::Database &database, const Clock &clock, AccountAuditSink &auditSink)
{
    return open(database, clock, auditSink, Options{});
}

Result<std::unique_ptr<SqlCipherAccountDirectory>>
SqlCipherAccountDirectory::open(store::Database &database, const Clock &clock, AccountAuditSink &auditSink,
                                Options options)
{
    if (options.maxFailedAttempts < 1 || options.lockoutDuration.count() < 1 ||
        !options.totpParameters.isValid() || options.totpWindow < 0 || options.iterationsForTests < 0)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("Invalid account directory options."));
    if (options.iterationsForTests > 0 && options.iterationsForTests < PasswordHasher::kProductionIterations)
        qCWarning(lcAccounts) << "password hashing below the production cost: test use only";
    initResources();
    auto migrated = database.migrate(QStringLiteral("accounts"), QStringLiteral(":/mdp/accounts/migrations"));
    if (!migrated)
        return migrated.error();
    return std::unique_ptr<SqlCipherAccountDirectory>(
        new SqlCipherAccountDirectory(database, clock, auditSink, std::move(options)));
}

Result<bool> SqlCipherAccountDirectory::checkSecondFactorWithoutRecording(store::Database &database,
                                                                          const QUuid &accountId,
                                                                          const QString &code,
                                                                          const Clock &clock,
                                                                          bool requireEnrolled)
{
    auto row = database.queryOne(
        QStringLiteral("SELECT locked, totp_secret, totp_algorithm, totp_digits, totp_period, totp_confirmed "
                       "FROM accounts WHERE id = ?1"),
        {accountId.toString(QUuid::WithoutBraces)});
    if (!row)
        return row.error();
    if (!row.value())
        return makeError(Error::Code::NotFound, QStringLiteral("no such account"));
    const store::Row &r = *row.value();
    if (r.value(0).toLongLong() != 0)
        return makeError(Error::Code::Locked, QStringLiteral("the account is locked"));
    auto roles = database.query(QStringLiteral("SELECT role FROM account_roles WHERE account_id = ?1"),
                                {accountId.toString(QUuid::WithoutBraces)});
    if (!roles)
        return roles.error();
    QList<Role> held;
    for (const store::Row &role : roles.value()) {
        if (auto known = roleFromId(role.value(0).toString()))
            held << *known;
    }
    const SecureBytes secret(r.value(1).toByteArray());
    if (secret.isEmpty() || r.value(5).toLongLong() == 0)
        return !requireEnrolled && !requiresSecondFactor(held);
    const Options defaults;
    TotpParameters parameters;
    parameters.algorithm =
        totpAlgorithmFromName(r.value(2).toString()).value_or(defaults.totpParameters.algorithm);
    parameters.digits = r.value(3).isNull() ? defaults.totpParameters.digits : r.value(3).toInt();
    parameters.periodSeconds =
        r.value(4).isNull() ? defaults.totpParameters.periodSeconds : r.value(4).toInt();
    const Totp totp(secret, clock, parameters);
    return totp.verify(code, std::nullopt, defaults.totpWindow).has_value();
}

void SqlCipherAccountDirectory::setServiceAccount(const QUuid &id)
{
    d->serviceAccount = id.isNull() ? QString() : id.toString(QUuid::WithoutBraces);
}

int SqlCipherAccountDirectory::passwordIterations() const
{
    return d->hasher.iterations();
}

Result<Account> SqlCipherAccountDirectory::createAccount(const QUuid &actorId, const QString &userName,
                                                         const QString &displayName, Role role,
                                                         const SecureBytes &password)
{
    const QStringView event = AccountEvent::Created;
    const QString actor = idText(actorId);
    auto count = d->db.queryOne(QStringLiteral("SELECT COUNT(*) FROM accounts"));
    if (!count)
        return d->fail(event, actor, {}, QStringLiteral("storage error"), storageError(count.error()));
    const bool bootstrap = count->has_value() && count->value().value(0).toLongLong() == 0;
    if (bootstrap) {
        // The first account of an installation has nobody to create it; it must be able to
        // administer the rest.
        if (!actorId.isNull() || role != Role::SystemAdmin)
            return d->fail(event, actor, {}, QStringLiteral("first account must be a system administrator"),
                           makeError(Error::Code::PermissionDenied,
                                     translated(QT_TRANSLATE_NOOP(
                                         "mdp::accounts::AccountDirectory",
                                         "The first account must be a system administrator."))));
    } else if (auto admin = d->requireAdmin(actorId); !admin) {
        return d->fail(event, actor, {}, QStringLiteral("actor is not an unlocked system administrator"),
                       admin.error());
    }
    if (auto valid = validateUserName(userName); !valid)
        return d->fail(event, actor, {}, QStringLiteral("malformed user name"), valid.error());
    if (auto valid = validateDisplayName(displayName); !valid)
        return d->fail(event, actor, {}, QStringLiteral("malformed display name"), valid.error());
    if (auto strong = d->policy.check(password, userName); !strong)
        return d->fail(event, actor, {}, QStringLiteral("password refused by the password policy"),
                       strong.error());

    auto existing = d->loadByName(userName);
    if (!existing)
        return d->fail(event, actor, {}, QStringLiteral("storage error"), storageError(existing.error()));
    if (existing->has_value())
        return d->fail(
            event, actor, existing->value().id(), QStringLiteral("user name already taken"),
            makeError(Error::Code::AlreadyExists,
                      translated(QT_TRANSLATE_NOOP("mdp::accounts::AccountDirectory",
                                                   "An account with this user name already exists."))));

    auto hash = d->hasher.hash(password);
    if (!hash)
        return d->fail(event, actor, {}, QStringLiteral("password hashing failed"), hash.error());

    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const qint64 now = d->nowMs();
    Result<void> written = d->db.transaction([&]() -> Result<void> {
        auto inserted = d->db.execute(
            QStringLiteral(
                "INSERT INTO accounts (id, user_name, user_name_key, display_name, password_hash, "
                "created_at, updated_at, password_changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?6)"),
            {id, userName.trimmed(), nameKey(userName), displayName.trimmed(), *hash, now});
        if (!inserted)
            return inserted.error();
        return d->writeRoles(id, {role});
    });
    if (!written)
        return d->fail(event, actor, {}, QStringLiteral("storage error"), storageError(written.error()));
    d->audit(event, actor, id, true, QStringLiteral("role %1").arg(roleId(role)));
    return d->reload(id);
}

Result<Account> SqlCipherAccountDirectory::authenticate(const QString &userName, const SecureBytes &password,
                                                        const QString &code)
{
    return authenticateChecked(userName, &password, code);
}

Result<Account> SqlCipherAccountDirectory::authenticateByKeySlot(const QString &userName, const QString &code)
{
    return authenticateChecked(userName, nullptr, code);
}

Result<Account> SqlCipherAccountDirectory::authenticateBySiteServer(const QString &userName)
{
    return authenticateChecked(userName, nullptr, QString(), true);
}

Result<Account> SqlCipherAccountDirectory::authenticateChecked(const QString &userName,
                                                               const SecureBytes *password,
                                                               const QString &code, bool factorsAtServer)
{
    const QStringView event = AccountEvent::Login;
    auto checked = d->checkPassword(event, userName, password, QStringLiteral("wrong password"));
    if (!checked)
        return checked.error();
    const StoredAccount stored = std::move(checked.value());
    const QString id = stored.id();

    std::optional<qint64> acceptedStep;
    if (stored.account.requiresSecondFactor() && !factorsAtServer) {
        if (!stored.account.totpEnrolled) {
            // Only the administrator's enrolment code opens the way to enrolling; without it the
            // answer is the wrong password's (issue 9 part 8).
            if (!d->enrolmentCodeMatches(stored, code))
                return d->registerFailure(stored, event,
                                          code.trimmed().isEmpty()
                                              ? QStringLiteral("no enrolment code for a second factor")
                                              : QStringLiteral("wrong or expired enrolment code"),
                                          badCredentialsError());
            return d->fail(
                event, {}, id, QStringLiteral("second factor enrolment required"),
                makeError(Error::Code::PermissionDenied,
                          translated(QT_TRANSLATE_NOOP("mdp::accounts::AccountDirectory",
                                                       "This account needs a second factor. Set up an "
                                                       "authenticator app before signing in."))));
        }
        if (code.trimmed().isEmpty())
            return d->registerFailure(stored, event, QStringLiteral("verification code missing"),
                                      badCredentialsError());
        const Totp totp(stored.totpSecret, d->clock, stored.totpParameters);
        acceptedStep = totp.verify(code, stored.totpLastStep, d->options.totpWindow);
        if (!acceptedStep)
            return d->registerFailure(stored, event, QStringLiteral("wrong or reused verification code"),
                                      badCredentialsError());
    }

    std::optional<QString> rehashed;
    if (password && d->hasher.needsRehash(stored.passwordHash)) {
        if (auto hash = d->hasher.hash(*password))
            rehashed = *hash;
    }

    bool replayed = false;
    bool lockedMeanwhile = false;
    Result<void> written = d->db.transaction([&]() -> Result<void> {
        if (acceptedStep) {
            // Guarded so two sign-ins racing with the same code cannot both succeed.
            auto changed =
                d->db.execute(QStringLiteral("UPDATE accounts SET totp_last_step = ?1 WHERE id = ?2 AND "
                                             "(totp_last_step IS NULL OR totp_last_step < ?1)"),
                              {*acceptedStep, id});
            if (!changed)
                return changed.error();
            if (*changed != 1) {
                replayed = true;
                return makeError(Error::Code::Conflict, QStringLiteral("verification code already used"));
            }
        }
        auto changed =
            d->db.execute(QStringLiteral("UPDATE accounts SET failed_attempts = 0, locked_until = NULL, "
                                         "last_login_at = ?1 WHERE id = ?2 AND locked = 0"),
                          {d->nowMs(), id});
        if (!changed)
            return changed.error();
        if (*changed != 1) {
            lockedMeanwhile = true;
            return makeError(Error::Code::Conflict, QStringLiteral("account locked meanwhile"));
        }
        if (rehashed) {
            auto updated = d->db.execute(
                QStringLiteral("UPDATE accounts SET password_hash = ?1 WHERE id = ?2"), {*rehashed, id});
            if (!updated)
                return updated.error();
        }
        return {};
    });
    if (replayed)
        return d->registerFailure(stored, event, QStringLiteral("wrong or reused verification code"),
                                  badCredentialsError());
    if (lockedMeanwhile)
        return d->fail(event, {}, id, QStringLiteral("account locked by an administrator"),
                       lockedByAdministrator());
    if (!written)
        return d->fail(event, {}, id, QStringLiteral("storage error"), storageError(written.error()));

    const QString factor = factorsAtServer ? QStringLiteral("site server (password and second factor where "
                                                            "the role needs one)")
                           : password      ? QStringLiteral("password")
                                           : QStringLiteral("password (key slot)");
    d->audit(event, id, id, true, acceptedStep ? factor + QStringLiteral(" and TOTP") : factor);
    return d->reload(id);
}

Result<void> SqlCipherAccountDirectory::logout(const QUuid &accountId)
{
    const QString id = idText(accountId);
    auto loaded = d->loadById(id);
    if (!loaded)
        return d->fail(AccountEvent::Logout, id, id, QStringLiteral("storage error"),
                       storageError(loaded.error()));
    if (!loaded->has_value())
        return d->fail(AccountEvent::Logout, {}, {}, QStringLiteral("unknown account"), accountNotFound());
    d->audit(AccountEvent::Logout, id, id, true, {});
    return {};
}

Result<void> SqlCipherAccountDirectory::changePassword(const QString &userName,
                                                       const SecureBytes &oldPassword,
                                                       const SecureBytes &newPassword)
{
    const QStringView event = AccountEvent::PasswordChange;
    auto checked = d->checkPassword(event, userName, &oldPassword, QStringLiteral("wrong current password"));
    if (!checked)
        return checked.error();
    const StoredAccount stored = std::move(checked.value());
    const QString id = stored.id();
    if (auto strong = d->policy.check(newPassword, stored.account.userName); !strong)
        return d->fail(event, id, id, QStringLiteral("new password refused by the password policy"),
                       strong.error());
    if (newPassword == oldPassword)
        return d->fail(
            event, id, id, QStringLiteral("new password equals the current one"),
            makeError(Error::Code::InvalidArgument,
                      translated(QT_TRANSLATE_NOOP("mdp::accounts::AccountDirectory",
                                                   "The new password must differ from the current one."))));
    auto hash = d->hasher.hash(newPassword);
    if (!hash)
        return d->fail(event, id, id, QStringLiteral("password hashing failed"), hash.error());
    const qint64 now = d->nowMs();
    Result<void> written = d->db.transaction([&]() -> Result<void> {
        auto changed =
            d->db.execute(QStringLiteral("UPDATE accounts SET password_hash = ?1, password_changed_at = ?2, "
                                         "updated_at = ?2, failed_attempts = 0 WHERE id = ?3"),
                          {*hash, now, id});
        if (!changed)
            return changed.error();
        return {};
    });
    if (!written)
        return d->fail(event, id, id, QStringLiteral("storage error"), storageError(written.error()));
    d->audit(event, id, id, true, {});
    return {};
}

Result<void> SqlCipherAccountDirectory::resetPassword(const QUuid &actorId, const QString &userName,
                                                      const SecureBytes &newPassword)
{
    const QStringView event = AccountEvent::PasswordReset;
    auto target = d->adminTarget(event, actorId, userName);
    if (!target)
        return target.error();
    const QString actor = idText(actorId);
    const QString id = target->id();
    if (auto strong = d->policy.check(newPassword, target->account.userName); !strong)
        return d->fail(event, actor, id, QStringLiteral("new password refused by the password policy"),
                       strong.error());
    auto hash = d->hasher.hash(newPassword);
    if (!hash)
        return d->fail(event, actor, id, QStringLiteral("password hashing failed"), hash.error());
    const qint64 now = d->nowMs();
    Result<void> written = d->db.transaction([&]() -> Result<void> {
        auto changed =
            d->db.execute(QStringLiteral("UPDATE accounts SET password_hash = ?1, password_changed_at = ?2, "
                                         "updated_at = ?2 WHERE id = ?3"),
                          {*hash, now, id});
        if (!changed)
            return changed.error();
        return {};
    });
    if (!written)
        return d->fail(event, actor, id, QStringLiteral("storage error"), storageError(written.error()));
    d->audit(event, actor, id, true, {});
    return {};
}

Result<Account> SqlCipherAccountDirectory::lock(const QUuid &actorId, const QString &userName)
{
    const QStringView event = AccountEvent::Lock;
    auto target = d->adminTarget(event, actorId, userName);
    if (!target)
        return target.error();
    const QString actor = idText(actorId);
    const QString id = target->id();
    if (target->account.id == actorId)
        return d->fail(event, actor, id, QStringLiteral("administrator tried to lock their own account"),
                       makeError(Error::Code::InvalidArgument,
                                 translated(QT_TRANSLATE_NOOP("mdp::accounts::AccountDirectory",
                                                              "You cannot lock your own account."))));
    if (target->account.hasRole(Role::SystemAdmin) && !target->account.locked) {
        auto others = d->otherUnlockedAdmins(id);
        if (!others)
            return d->fail(event, actor, id, QStringLiteral("storage error"), storageError(others.error()));
        if (*others == 0)
            return d->fail(
                event, actor, id, QStringLiteral("would lock the last system administrator"),
                makeError(Error::Code::Conflict,
                          translated(QT_TRANSLATE_NOOP("mdp::accounts::AccountDirectory",
                                                       "At least one unlocked system administrator must "
                                                       "remain."))));
    }
    Result<void> written = d->db.transaction([&]() -> Result<void> {
        auto changed =
            d->db.execute(QStringLiteral("UPDATE accounts SET locked = 1, updated_at = ?1 WHERE id = ?2"),
                          {d->nowMs(), id});
        if (!changed)
            return changed.error();
        return {};
    });
    if (!written)
        return d->fail(event, actor, id, QStringLiteral("storage error"), storageError(written.error()));
    d->audit(event, actor, id, true, {});
    return d->reload(id);
}

Result<Account> SqlCipherAccountDirectory::unlock(const QUuid &actorId, const QString &userName)
{
    const QStringView event = AccountEvent::Unlock;
    auto target = d->adminTarget(event, actorId, userName);
    if (!target)
        return target.error();
    const QString actor = idText(actorId);
    const QString id = target->id();
    QStringList was;
    if (target->account.locked)
        was.append(QStringLiteral("administrator lock"));
    if (target->account.lockedUntil.isValid() && target->account.lockedUntil > d->clock.now())
        was.append(QStringLiteral("lock-out"));
    Result<void> written = d->db.transaction([&]() -> Result<void> {
        auto changed = d->db.execute(QStringLiteral("UPDATE accounts SET locked = 0, failed_attempts = 0, "
                                                    "locked_until = NULL, updated_at = ?1 WHERE id = ?2"),
                                     {d->nowMs(), id});
        if (!changed)
            return changed.error();
        return {};
    });
    if (!written)
        return d->fail(event, actor, id, QStringLiteral("storage error"), storageError(written.error()));
    d->audit(event, actor, id, true,
             was.isEmpty() ? QStringLiteral("was not locked")
                           : QStringLiteral("cleared ") + was.join(u" and "));
    return d->reload(id);
}

Result<Account> SqlCipherAccountDirectory::setRoles(const QUuid &actorId, const QString &userName,
                                                    const QList<Role> &roles)
{
    const QStringView event = AccountEvent::RoleChange;
    auto target = d->adminTarget(event, actorId, userName);
    if (!target)
        return target.error();
    const QString actor = idText(actorId);
    const QString id = target->id();
    auto wanted = normalisedRoles(roles);
    if (!wanted)
        return d->fail(event, actor, id, QStringLiteral("roles refused: %1").arg(roleIdList(roles)),
                       wanted.error());
    const QString change =
        QStringLiteral("%1 -> %2").arg(roleIdList(target->account.roles), roleIdList(*wanted));
    if (target->account.hasRole(Role::SystemAdmin) && !wanted->contains(Role::SystemAdmin) &&
        !target->account.locked) {
        auto others = d->otherUnlockedAdmins(id);
        if (!others)
            return d->fail(event, actor, id, QStringLiteral("storage error"), storageError(others.error()));
        if (*others == 0)
            return d->fail(
                event, actor, id, change + QStringLiteral(" would remove the last system administrator"),
                makeError(Error::Code::Conflict,
                          translated(QT_TRANSLATE_NOOP("mdp::accounts::AccountDirectory",
                                                       "At least one unlocked system administrator must "
                                                       "remain."))));
    }
    Result<void> written = d->db.transaction([&]() -> Result<void> {
        if (auto roleRows = d->writeRoles(id, *wanted); !roleRows)
            return roleRows;
        auto changed = d->db.execute(QStringLiteral("UPDATE accounts SET updated_at = ?1 WHERE id = ?2"),
                                     {d->nowMs(), id});
        if (!changed)
            return changed.error();
        return {};
    });
    if (!written)
        return d->fail(event, actor, id, QStringLiteral("storage error"), storageError(written.error()));
    d->audit(event, actor, id, true, change);
    return d->reload(id);
}

Result<QString> SqlCipherAccountDirectory::issueEnrolmentCode(const QUuid &actorId, const QString &userName)
{
    const QStringView event = AccountEvent::EnrolmentCode;
    auto target = d->adminTarget(event, actorId, userName);
    if (!target)
        return target.error();
    const QString actor = idText(actorId);
    const QString id = target->id();
    // 80 random bits: sixteen base-32 characters, shown in groups of four.
    const QString raw = base32Encode(crypto::randomBytes(10));
    QStringList groups;
    for (int i = 0; i < raw.size(); i += 4)
        groups << raw.mid(i, 4);
    const QString code = groups.join(QLatin1Char('-'));
    const QDateTime expires = d->clock.now().addSecs(
        std::chrono::duration_cast<std::chrono::seconds>(d->options.enrolmentCodeLifetime).count());
    Result<void> written = d->db.transaction([&]() -> Result<void> {
        auto changed =
            d->db.execute(QStringLiteral("UPDATE accounts SET enrolment_code = ?1, "
                                         "enrolment_code_expires = ?2, updated_at = ?3 WHERE id = ?4"),
                          {enrolmentCodeDigest(id, code), expires.toMSecsSinceEpoch(), d->nowMs(), id});
        if (!changed)
            return changed.error();
        // An enrolment started with an earlier code is void: whoever started it must start again
        // with this one.
        auto voided = d->db.execute(
            QStringLiteral(
                "UPDATE accounts SET totp_secret = NULL, totp_algorithm = NULL, totp_digits = NULL, "
                "totp_period = NULL, totp_last_step = NULL WHERE id = ?1 AND totp_confirmed = 0"),
            {id});
        if (!voided)
            return voided.error();
        return {};
    });
    if (!written)
        return d->fail(event, actor, id, QStringLiteral("storage error"), storageError(written.error()));
    d->audit(event, actor, id, true, QStringLiteral("valid until %1").arg(timeText(expires)));
    return code;
}

Result<TotpEnrolment> SqlCipherAccountDirectory::enrollTotp(const QString &userName,
                                                            const SecureBytes &password,
                                                            const QString &enrolmentCode)
{
    const QStringView event = AccountEvent::TotpEnrol;
    auto checked = d->checkPassword(event, userName, &password, QStringLiteral("wrong password"));
    if (!checked)
        return checked.error();
    const StoredAccount stored = std::move(checked.value());
    const QString id = stored.id();
    // Checked before anything else is said about the account: a right password alone learns nothing.
    if (!d->enrolmentCodeMatches(stored, enrolmentCode))
        return d->registerFailure(stored, event,
                                  enrolmentCode.trimmed().isEmpty()
                                      ? QStringLiteral("no enrolment code")
                                      : QStringLiteral("wrong or expired enrolment code"),
                                  badCredentialsError());
    if (stored.account.totpEnrolled)
        return d->fail(
            event, id, id, QStringLiteral("an authenticator is already enrolled"),
            makeError(Error::Code::Conflict,
                      translated(QT_TRANSLATE_NOOP("mdp::accounts::AccountDirectory",
                                                   "An authenticator is already set up for this account. A "
                                                   "system administrator must reset it first."))));

    const SecureBytes secret = Totp::generateSecret();
    const Totp totp(secret, d->clock, d->options.totpParameters);
    const TotpParameters &parameters = totp.parameters();
    Result<void> written = d->db.transaction([&]() -> Result<void> {
        auto changed = d->db.execute(
            QStringLiteral("UPDATE accounts SET totp_secret = ?1, totp_algorithm = ?2, totp_digits = ?3, "
                           "totp_period = ?4, totp_confirmed = 0, totp_last_step = NULL, updated_at = ?5 "
                           "WHERE id = ?6"),
            {secret.view().toByteArray(), totpAlgorithmName(parameters.algorithm), parameters.digits,
             parameters.periodSeconds, d->nowMs(), id});
        if (!changed)
            return changed.error();
        return {};
    });
    if (!written)
        return d->fail(event, id, id, QStringLiteral("storage error"), storageError(written.error()));
    d->audit(event, id, id, true, QStringLiteral("secret issued, awaiting confirmation"));
    return TotpEnrolment{totp.secretBase32(),
                         totp.provisioningUri(d->options.totpIssuer, stored.account.userName), parameters};
}

Result<Account> SqlCipherAccountDirectory::confirmTotp(const QString &userName, const QString &code)
{
    const QStringView event = AccountEvent::TotpConfirm;
    auto loaded = d->loadByName(userName);
    if (!loaded)
        return d->fail(event, {}, {}, QStringLiteral("storage error"), storageError(loaded.error()));
    if (!loaded->has_value())
        return d->fail(event, {}, {}, QStringLiteral("unknown user name"), badCredentialsError());
    const StoredAccount stored = std::move(loaded->value());
    const QString id = stored.id();
    if (auto refused = d->refuseIfLocked(stored, event))
        return *refused;
    // The enrolment must have been started with the code still on record, and in its time.
    if (!stored.totpPending() || stored.enrolmentCode.isEmpty() || !stored.enrolmentCodeExpires.isValid() ||
        stored.enrolmentCodeExpires <= d->clock.now())
        return d->fail(
            event, {}, id, QStringLiteral("no enrolment pending"),
            makeError(Error::Code::Conflict,
                      translated(QT_TRANSLATE_NOOP("mdp::accounts::AccountDirectory",
                                                   "No authenticator set-up is waiting for confirmation."))));
    const Totp totp(stored.totpSecret, d->clock, stored.totpParameters);
    const std::optional<qint64> step = totp.verify(code, std::nullopt, d->options.totpWindow);
    if (!step)
        // Counted like a wrong sign-in code (issue 9): guessing the first code is no free channel.
        return d->registerFailure(
            stored, event, QStringLiteral("wrong verification code"),
            makeError(Error::Code::Unauthenticated,
                      translated(QT_TRANSLATE_NOOP("mdp::accounts::AccountDirectory",
                                                   "The verification code is incorrect. Check that the "
                                                   "device's clock is right and try again."))));
    Result<void> written = d->db.transaction([&]() -> Result<void> {
        // The confirming code's step is recorded so that same code cannot then sign in.
        auto changed =
            d->db.execute(QStringLiteral("UPDATE accounts SET totp_confirmed = 1, totp_last_step = ?1, "
                                         "enrolment_code = NULL, enrolment_code_expires = NULL, "
                                         "updated_at = ?2 WHERE id = ?3 AND totp_confirmed = 0"),
                          {*step, d->nowMs(), id});
        if (!changed)
            return changed.error();
        return {};
    });
    if (!written)
        return d->fail(event, id, id, QStringLiteral("storage error"), storageError(written.error()));
    d->audit(event, id, id, true, {});
    return d->reload(id);
}

Result<Account> SqlCipherAccountDirectory::resetTotp(const QUuid &actorId, const QString &userName)
{
    const QStringView event = AccountEvent::TotpReset;
    auto target = d->adminTarget(event, actorId, userName);
    if (!target)
        return target.error();
    const QString actor = idText(actorId);
    const QString id = target->id();
    Result<void> written = d->db.transaction([&]() -> Result<void> {
        auto changed =
            d->db.execute(QStringLiteral("UPDATE accounts SET totp_secret = NULL, totp_algorithm = NULL, "
                                         "totp_digits = NULL, totp_period = NULL, totp_confirmed = 0, "
                                         "totp_last_step = NULL, updated_at = ?1 WHERE id = ?2"),
                          {d->nowMs(), id});
        if (!changed)
            return changed.error();
        return {};
    });
    if (!written)
        return d->fail(event, actor, id, QStringLiteral("storage error"), storageError(written.error()));
    d->audit(event, actor, id, true, {});
    return d->reload(id);
}

Result<QList<Account>> SqlCipherAccountDirectory::list()
{
    auto rows = d->db.query(QStringLiteral("SELECT ") + kColumns +
                            QStringLiteral(" FROM accounts ORDER BY user_name_key"));
    if (!rows)
        return storageError(rows.error());
    auto roleRows = d->db.query(
        QStringLiteral("SELECT account_id, role FROM account_roles ORDER BY account_id, position"));
    if (!roleRows)
        return storageError(roleRows.error());
    QHash<QString, QList<Role>> roles;
    for (const store::Row &row : std::as_const(*roleRows)) {
        if (const std::optional<Role> role = roleFromId(row.value(1).toString()))
            roles[row.value(0).toString()].append(*role);
    }
    QList<Account> accounts;
    accounts.reserve(rows->size());
    for (const store::Row &row : std::as_const(*rows))
        accounts.append(d->fromRow(row, roles.value(row.value(0).toString())).account);
    return accounts;
}

Result<std::optional<Account>> SqlCipherAccountDirectory::find(const QString &userName)
{
    auto loaded = d->loadByName(userName);
    if (!loaded)
        return storageError(loaded.error());
    if (!loaded->has_value())
        return std::optional<Account>();
    return std::optional<Account>(loaded->value().account);
}

Result<std::optional<Account>> SqlCipherAccountDirectory::findById(const QUuid &id)
{
    if (id.isNull())
        return std::optional<Account>();
    auto loaded = d->loadById(idText(id));
    if (!loaded)
        return storageError(loaded.error());
    if (!loaded->has_value())
        return std::optional<Account>();
    return std::optional<Account>(loaded->value().account);
}

} // namespace mdp::accounts
