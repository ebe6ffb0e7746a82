#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QWizard>

#include <functional>
#include <memory>

namespace mdp::workspace {
class Workspace;
struct CreateOptions;
} // namespace mdp::workspace

namespace mdp::shell {

// First start: where the workspace lives, the cipher, the first administrator, whose own password
// opens it (no workspace passphrase exists); then creates the encrypted workspace off the GUI
// thread (key derivation takes about half a second) and shows the organisation recovery key once.
class FirstRunWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId
    {
        WelcomePage,
        LocationPage,
        EncryptionPage,
        AdminPage,
        SummaryPage,
        DonePage
    };

    using Creator =
        std::function<Result<std::unique_ptr<workspace::Workspace>>(const workspace::CreateOptions &)>;

    // `directory` pre-fills the location (Workspace::defaultDirectory() when empty).
    explicit FirstRunWizard(const QString &directory = {}, QWidget *parent = nullptr);
    ~FirstRunWizard() override;

    // Replaces Workspace::create (tests inject failures or a manual clock).
    void setCreator(Creator creator);
    const Creator &creator() const { return m_creator; }

    bool isCreating() const;
    // The created, unlocked workspace after the summary page succeeded; null before.
    std::unique_ptr<workspace::Workspace> takeWorkspace();
    QString directory() const;
    QString adminName() const;
    // The organisation recovery key drawn at creation, for the last page to show once.
    QString recoveryKey() const;
    // The first administrator's one-time enrolment code: the shell fills it into the sign-in that
    // follows, where the administrator sets up an authenticator.
    QString adminEnrolmentCode() const;

    void reject() override;

Q_SIGNALS:
    void creatingChanged(bool creating);
    void workspaceCreated();

private:
    friend class SummaryWizardPage;
    void setCreating(bool creating);
    void setWorkspace(std::unique_ptr<workspace::Workspace> workspace);
    SecureBytes adminPassword() const;

    Creator m_creator;
    std::unique_ptr<workspace::Workspace> m_workspace;
    bool m_creating = false;
    QString m_recoveryKey;
    QString m_adminEnrolmentCode;
};

} // namespace mdp::shell
