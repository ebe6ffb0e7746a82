#include "mdp/policy/PolicySet.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <initializer_list>

namespace mdp::policy {

namespace {

Error fault(const QString &message)
{
    return Error{Error::Code::InvalidArgument, QStringLiteral("policy: %1").arg(message)};
}

Result<std::array<bool, kActionCount>> actionsOf(const QJsonValue &value, const QString &where)
{
    std::array<bool, kActionCount> actions{};
    if (!value.isArray())
        return fault(QStringLiteral("%1: \"actions\" must be a list").arg(where));
    for (const QJsonValue &item : value.toArray()) {
        const auto action = actionFromId(item.toString());
        if (!action)
            return fault(QStringLiteral("%1: unknown action \"%2\"").arg(where, item.toString()));
        actions[static_cast<int>(*action)] = true;
    }
    return actions;
}

Result<int> levelOf(const QJsonObject &object, const QString &key, const QString &where, int low)
{
    const QJsonValue value = object.value(key);
    if (!value.isDouble() || value.toDouble() != double(value.toInt()))
        return fault(QStringLiteral("%1: \"%2\" must be a whole number").arg(where, key));
    const int level = value.toInt();
    if (level < low || level > kMaxLevel)
        return fault(
            QStringLiteral("%1: \"%2\" must be between %3 and %4").arg(where, key).arg(low).arg(kMaxLevel));
    return level;
}

// A document is read strictly: a misspelt key or a flag written as "true" would otherwise be read as
// absent or false and quietly weaken the policy.
Result<void> onlyKnownKeys(const QJsonObject &object, std::initializer_list<const char *> known,
                           const QString &where)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool found = false;
        for (const char *key : known)
            found = found || it.key() == QLatin1StringView(key);
        if (!found)
            return fault(QStringLiteral("%1: unknown key \"%2\"").arg(where, it.key()));
    }
    return {};
}

Result<bool> flag(const QJsonObject &object, const QString &key, const QString &where)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return false;
    if (!value.isBool())
        return fault(QStringLiteral("%1: \"%2\" must be true or false").arg(where, key));
    return value.toBool();
}

Result<std::optional<bool>> optionalFlag(const QJsonObject &object, const QString &key, const QString &where)
{
    if (!object.contains(key))
        return std::optional<bool>();
    auto value = flag(object, key, where);
    if (!value)
        return value.error();
    return std::optional<bool>(value.value());
}

// Assigns what a Result holds to `target`, or returns its error from the enclosing function.
#define MDP_TAKE(target, expression)                                                                         \
    do {                                                                                                     \
        auto taken = (expression);                                                                           \
        if (!taken)                                                                                          \
            return taken.error();                                                                            \
        target = taken.value();                                                                              \
    } while (false)

Result<RoleRule> roleOf(const QJsonObject &object)
{
    RoleRule rule;
    rule.role = object.value(u"role").toString();
    if (rule.role.isEmpty())
        return fault(QStringLiteral("a role without \"role\""));
    const QString where = QStringLiteral("role %1").arg(rule.role);
    if (auto known =
            onlyKnownKeys(object,
                          {"role", "actions", "rawCeiling", "reach", "scope", "aggregateWithoutGrant",
                           "needsTraining", "needsAgreement", "ignoresConsent"},
                          where);
        !known)
        return known.error();
    auto actions = actionsOf(object.value(u"actions"), where);
    if (!actions)
        return actions.error();
    rule.actions = actions.value();
    auto raw = levelOf(object, QStringLiteral("rawCeiling"), where, 0);
    if (!raw)
        return raw.error();
    auto reach = levelOf(object, QStringLiteral("reach"), where, 0);
    if (!reach)
        return reach.error();
    rule.rawCeiling = raw.value();
    rule.reach = reach.value();
    if (rule.rawCeiling > std::max(rule.reach, 1))
        return fault(QStringLiteral("%1: rawCeiling above reach").arg(where));
    const QString scope = object.value(u"scope").toString();
    if (scope == u"all")
        rule.scope = Scope::All;
    else if (scope == u"site")
        rule.scope = Scope::Site;
    else if (scope == u"grant")
        rule.scope = Scope::Grant;
    else
        return fault(QStringLiteral("%1: unknown scope \"%2\"").arg(where, scope));
    MDP_TAKE(rule.aggregateWithoutGrant, flag(object, QStringLiteral("aggregateWithoutGrant"), where));
    MDP_TAKE(rule.needsTraining, flag(object, QStringLiteral("needsTraining"), where));
    MDP_TAKE(rule.needsAgreement, flag(object, QStringLiteral("needsAgreement"), where));
    MDP_TAKE(rule.ignoresConsent, flag(object, QStringLiteral("ignoresConsent"), where));
    return rule;
}

Result<DenyRule> denyRuleOf(const QJsonObject &object)
{
    DenyRule rule;
    rule.id = object.value(u"id").toString();
    if (rule.id.isEmpty())
        return fault(QStringLiteral("a deny rule without \"id\""));
    const QString where = QStringLiteral("deny rule %1").arg(rule.id);
    if (auto known = onlyKnownKeys(
            object, {"id", "actions", "consentWithdrawn", "online", "workstationTrusted", "minLevel"}, where);
        !known)
        return known.error();
    auto actions = actionsOf(object.value(u"actions"), where);
    if (!actions)
        return actions.error();
    rule.actions = actions.value();
    if (std::none_of(rule.actions.begin(), rule.actions.end(), [](bool on) { return on; }))
        return fault(QStringLiteral("%1 applies to no action").arg(where));
    MDP_TAKE(rule.consentWithdrawn, optionalFlag(object, QStringLiteral("consentWithdrawn"), where));
    MDP_TAKE(rule.online, optionalFlag(object, QStringLiteral("online"), where));
    MDP_TAKE(rule.workstationTrusted, optionalFlag(object, QStringLiteral("workstationTrusted"), where));
    if (object.contains(u"minLevel")) {
        auto level = levelOf(object, QStringLiteral("minLevel"), where, 1);
        if (!level)
            return level.error();
        rule.minLevel = level.value();
    }
    if (!rule.consentWithdrawn && !rule.online && !rule.workstationTrusted)
        return fault(QStringLiteral("%1 has no condition").arg(where));
    return rule;
}

Result<Classification> fieldOf(const QString &field, const QJsonObject &object)
{
    const QString where = QStringLiteral("field %1").arg(field);
    const auto category = categoryFromId(object.value(u"category").toString());
    if (!category)
        return fault(
            QStringLiteral("%1: unknown category \"%2\"").arg(where, object.value(u"category").toString()));
    auto level = levelOf(object, QStringLiteral("level"), where, 1);
    if (!level)
        return level.error();
    const QString subKind = object.value(u"subKind").toString();
    if (!subKind.isEmpty() && !subKinds(*category).contains(subKind))
        return fault(
            QStringLiteral("%1: \"%2\" is not a sub-kind of %3").arg(where, subKind, categoryId(*category)));
    return Classification{*category, subKind, level.value(), QStringLiteral("manual")};
}

} // namespace

QString actionId(Action action)
{
    switch (action) {
    case Action::Search:
        return QStringLiteral("search");
    case Action::Read:
        return QStringLiteral("read");
    case Action::Write:
        return QStringLiteral("write");
    case Action::Export:
        return QStringLiteral("export");
    }
    return {};
}

std::optional<Action> actionFromId(QStringView id)
{
    for (const Action action : {Action::Search, Action::Read, Action::Write, Action::Export}) {
        if (id == actionId(action))
            return action;
    }
    return std::nullopt;
}

const QByteArray &PolicySet::defaultDocument()
{
    static const QByteArray document = [] {
        QFile file(QStringLiteral(":/mdp/policy/default-policy.json"));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    return document;
}

Result<PolicySet> PolicySet::parse(QByteArrayView json)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fault(
            QStringLiteral("not JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject())
        return fault(QStringLiteral("not a JSON object"));
    const QJsonObject root = document.object();
    if (root.value(u"format").toString() != kFormat)
        return fault(QStringLiteral("format is not %1").arg(kFormat));

    if (auto known = onlyKnownKeys(root,
                                   {"format", "version", "issued", "issuer", "minCellSize", "level5", "roles",
                                    "levels", "denyRules", "fields"},
                                   QStringLiteral("the document"));
        !known)
        return known.error();
    for (const char *list : {"roles", "levels", "denyRules"}) {
        if (!root.value(QLatin1StringView(list)).isArray())
            return fault(QStringLiteral("\"%1\" must be a list").arg(QLatin1StringView(list)));
    }
    if (root.contains(u"fields") && !root.value(u"fields").isObject())
        return fault(QStringLiteral("\"fields\" must be an object"));

    PolicySet set;
    set.m_document = json.toByteArray();
    const QJsonValue version = root.value(u"version");
    if (!version.isDouble() || version.toInt() < 1 || version.toDouble() != double(version.toInt()))
        return fault(QStringLiteral("\"version\" must be a whole number from 1"));
    set.m_version = version.toInt();
    set.m_issued = QDateTime::fromString(root.value(u"issued").toString(), Qt::ISODate);
    if (!set.m_issued.isValid())
        return fault(QStringLiteral("\"issued\" is not an ISO 8601 time"));
    set.m_issuer = root.value(u"issuer").toString();
    set.m_minCellSize = root.value(u"minCellSize").toInt(0);
    if (set.m_minCellSize < kMinimumCellSizeFloor || set.m_minCellSize > 1000)
        return fault(
            QStringLiteral("\"minCellSize\" must be between %1 and 1000").arg(kMinimumCellSizeFloor));
    const QJsonObject level5 = root.value(u"level5").toObject();
    if (auto known = onlyKnownKeys(level5, {"maxDays", "minApprovals"}, QStringLiteral("level5")); !known)
        return known.error();
    set.m_level5MaxDays = level5.value(u"maxDays").toInt(0);
    set.m_level5MinApprovals = level5.value(u"minApprovals").toInt(0);
    if (set.m_level5MaxDays < 1 || set.m_level5MaxDays > kLevel5MaxDaysCeiling ||
        set.m_level5MinApprovals < 2 || set.m_level5MinApprovals > 10)
        return fault(QStringLiteral("\"level5\" needs maxDays from 1 to 90 (temporary) and minApprovals from "
                                    "2 to 10 (multi-level approval)"));

    if (!root.value(u"roles").isArray())
        return fault(QStringLiteral("\"roles\" must be a list"));
    for (const QJsonValue &value : root.value(u"roles").toArray()) {
        auto role = roleOf(value.toObject());
        if (!role)
            return role.error();
        if (set.m_roleIndex.contains(role.value().role))
            return fault(QStringLiteral("role %1 appears twice").arg(role.value().role));
        set.m_roleIndex.insert(role.value().role, int(set.m_roles.size()));
        set.m_roles << role.value();
    }

    std::array<bool, kMaxLevel> seen{};
    const QJsonArray levels = root.value(u"levels").toArray();
    for (const QJsonValue &value : levels) {
        const QJsonObject object = value.toObject();
        auto level = levelOf(object, QStringLiteral("level"), QStringLiteral("levels"), 1);
        if (!level)
            return level.error();
        if (seen[level.value() - 1])
            return fault(QStringLiteral("level %1 appears twice").arg(level.value()));
        seen[level.value() - 1] = true;
        LevelRule &rule = set.m_levels[level.value() - 1];
        rule.level = level.value();
        const QString where = QStringLiteral("level %1").arg(rule.level);
        if (auto known = onlyKnownKeys(object,
                                       {"level", "deidentify", "watermark", "projectLimited", "secondFactor",
                                        "deepAudit", "multiLevelGrant"},
                                       where);
            !known)
            return known.error();
        MDP_TAKE(rule.deidentify, flag(object, QStringLiteral("deidentify"), where));
        MDP_TAKE(rule.watermark, flag(object, QStringLiteral("watermark"), where));
        MDP_TAKE(rule.projectLimited, flag(object, QStringLiteral("projectLimited"), where));
        MDP_TAKE(rule.secondFactor, flag(object, QStringLiteral("secondFactor"), where));
        MDP_TAKE(rule.deepAudit, flag(object, QStringLiteral("deepAudit"), where));
        MDP_TAKE(rule.multiLevelGrant, flag(object, QStringLiteral("multiLevelGrant"), where));
    }
    for (int i = 0; i < kMaxLevel; ++i) {
        if (!seen[i])
            return fault(QStringLiteral("level %1 is missing").arg(i + 1));
    }
    // The floor sets cannot be lowered by a document: level 2 and above leave only
    // de-identified, level 4 needs a second factor, level 5 a multi-level grant.
    for (int i = 1; i < kMaxLevel; ++i) {
        if (!set.m_levels[i].deidentify)
            return fault(QStringLiteral("level %1 must require de-identification").arg(i + 1));
    }
    for (int i = 2; i < kMaxLevel; ++i) {
        if (!set.m_levels[i].projectLimited)
            return fault(QStringLiteral("level %1 must be limited to projects").arg(i + 1));
    }
    if (!set.m_levels[3].secondFactor || !set.m_levels[4].secondFactor)
        return fault(QStringLiteral("levels 4 and 5 must require a second factor"));
    if (!set.m_levels[3].deepAudit || !set.m_levels[4].deepAudit)
        return fault(QStringLiteral("levels 4 and 5 must be deeply audited"));
    if (!set.m_levels[4].multiLevelGrant)
        return fault(QStringLiteral("level 5 must require a multi-level grant"));

    for (const QJsonValue &value : root.value(u"denyRules").toArray()) {
        auto rule = denyRuleOf(value.toObject());
        if (!rule)
            return rule.error();
        set.m_denyRules << rule.value();
    }
    const QJsonObject fields = root.value(u"fields").toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        auto classification = fieldOf(it.key(), it.value().toObject());
        if (!classification)
            return classification.error();
        set.m_fields.insert(it.key(), classification.value());
    }
    return set;
}

const RoleRule *PolicySet::role(const QString &roleId) const
{
    const auto it = m_roleIndex.constFind(roleId);
    return it == m_roleIndex.cend() ? nullptr : &m_roles.at(it.value());
}

const LevelRule &PolicySet::level(int level) const
{
    return m_levels[std::clamp(level, kMinLevel, kMaxLevel) - 1];
}

QByteArray SignedPolicy::toJson() const
{
    QJsonObject object{{QStringLiteral("document"), QString::fromLatin1(document.toBase64())},
                       {QStringLiteral("signature"), QString::fromLatin1(signature.toBase64())},
                       {QStringLiteral("key"), QString::fromLatin1(keyFingerprint.toHex())}};
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

Result<SignedPolicy> SignedPolicy::fromJson(QByteArrayView json)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return fault(QStringLiteral("the signed policy file is not a JSON object"));
    const QJsonObject object = document.object();
    SignedPolicy signedPolicy;
    const auto decode = [](const QJsonValue &value, QByteArray &out) {
        auto decoded = QByteArray::fromBase64Encoding(value.toString().toLatin1(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.isEmpty())
            return false;
        out = std::move(decoded.decoded);
        return true;
    };
    if (!decode(object.value(u"document"), signedPolicy.document) ||
        !decode(object.value(u"signature"), signedPolicy.signature))
        return fault(QStringLiteral("the signed policy file lacks its document or signature"));
    signedPolicy.keyFingerprint = QByteArray::fromHex(object.value(u"key").toString().toLatin1());
    return signedPolicy;
}

QByteArray policySigningMessage(QByteArrayView document)
{
    QByteArray message = PolicySet::kFormat.toUtf8();
    message.append('\0');
    message.append(document);
    return message;
}

Result<PolicySet> acceptSignedPolicy(const SignedPolicy &signedPolicy, const SignatureCheck &check,
                                     int currentVersion)
{
    if (!check || !check(policySigningMessage(signedPolicy.document), signedPolicy.signature))
        return Error{Error::Code::Tampered,
                     QStringLiteral("policy: the signature does not verify; the policy in force stays")};
    auto set = PolicySet::parse(signedPolicy.document);
    if (!set)
        return set.error();
    if (set.value().version() <= currentVersion)
        return Error{Error::Code::RolledBack,
                     QStringLiteral("policy: version %1 is not newer than version %2 in force")
                         .arg(set.value().version())
                         .arg(currentVersion)};
    return set;
}

} // namespace mdp::policy
