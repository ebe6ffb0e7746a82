#include "mdp/crypto/KeyAuditSink.h"

namespace mdp::crypto {

KeyAuditSink::~KeyAuditSink() = default;

QString keyActionName(KeyAction action)
{
    switch (action) {
    case KeyAction::CreateRoot:
        return QStringLiteral("root.create");
    case KeyAction::UnlockRoot:
        return QStringLiteral("root.unlock");
    case KeyAction::ChangeRootCredential:
        return QStringLiteral("root.change-credential");
    case KeyAction::CreateKek:
        return QStringLiteral("kek.create");
    case KeyAction::RotateKek:
        return QStringLiteral("kek.rotate");
    case KeyAction::DestroyKek:
        return QStringLiteral("kek.destroy");
    case KeyAction::CreateDataKey:
        return QStringLiteral("key.create");
    case KeyAction::UseDataKey:
        return QStringLiteral("key.use");
    case KeyAction::RewrapDataKey:
        return QStringLiteral("key.rewrap");
    case KeyAction::RetireDataKey:
        return QStringLiteral("key.retire");
    case KeyAction::DestroyDataKey:
        return QStringLiteral("key.destroy");
    case KeyAction::AddSlot:
        return QStringLiteral("slot.add");
    case KeyAction::ChangeSlot:
        return QStringLiteral("slot.change");
    case KeyAction::RemoveSlot:
        return QStringLiteral("slot.remove");
    case KeyAction::RotateRoot:
        return QStringLiteral("root.rotate");
    case KeyAction::CreateScopeKey:
        return QStringLiteral("scope.create");
    }
    return QStringLiteral("unknown");
}

} // namespace mdp::crypto
