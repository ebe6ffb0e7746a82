#pragma once

#include "mdp/crypto/Certificate.h"
#include "mdp/foundation/Clock.h"
#include "mdp/workspace/ServerLink.h"

#include <QPointer>
#include <QWidget>

class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QThread;

namespace mdp::net::ui {

class ServerStatusWatcher;

// The workstation's link to the site's central server (mdp-grantd), for administrators: where the
// server is, the site CA that vouches for it, this workstation's certificate and key (PEM files, shown
// by subject, issuer, validity and fingerprint before anything is stored), Apply and Disconnect, and
// the link's status: state, last contact, identity, certificate expiry, audit events held here and
// witnessed by the server, "Ship audit now". Accounts without Permission::AdministerAccounts see the
// status only; the link refuses their changes anyway.
class ServerPage : public QWidget
{
    Q_OBJECT
public:
    ServerPage(ServerStatusWatcher &watcher, bool administers, const Clock &clock, QWidget *parent = nullptr);
    ~ServerPage() override;

    enum class Pem
    {
        Authority,   // the site CA's certificate
        Certificate, // this workstation's certificate
        PrivateKey,  // its key (unencrypted PKCS#8)
    };
    // Reads a PEM file as `kind` and shows what it holds; false (and a message) when it is not one.
    bool loadPem(Pem kind, const QString &path);
    // What Apply hands to ServerLink::configure(): the address fields and the files loaded (or the
    // stored certificates), the key only when one was loaded.
    workspace::ServerSettings pendingSettings() const;

    void apply();
    void disconnectServer();
    // Ships on a worker thread; the page shows the answer when it returns.
    void shipAuditNow();
    bool isShipping() const;
    // Reads the stored settings again (the key stays unseen).
    void reloadSettings();

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct PemBlock
    {
        QLabel *details = nullptr;
        QLabel *check = nullptr;
        QPushButton *import = nullptr;
    };
    QFrame *buildConnectionCard();
    QFrame *buildStatusCard();
    void addPemBlock(QLayout *layout, Pem kind, const QString &title, const QString &objectName);
    void choosePem(Pem kind);
    void showPems();
    void showStatus();
    void updateButtons();
    void wipeKey();

    ServerStatusWatcher &m_watcher;
    workspace::ServerLink &m_link;
    const Clock &m_clock;
    bool m_administers;
    bool m_configured = false;
    QString m_storedAddress;

    QByteArray m_caPem;
    QByteArray m_certificatePem;
    QByteArray m_keyPem;
    crypto::Certificate m_ca;
    crypto::Certificate m_certificate;
    bool m_keyLoaded = false;

    QLabel *m_message;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_serverName = nullptr;
    PemBlock m_pems[3];
    QPushButton *m_apply = nullptr;
    QPushButton *m_disconnect = nullptr;
    QPushButton *m_ship = nullptr;

    QLabel *m_stateDot = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_stateMessage = nullptr;
    QLabel *m_expiryMessage = nullptr;
    QLabel *m_address = nullptr;
    QLabel *m_lastContact = nullptr;
    QLabel *m_identity = nullptr;
    QLabel *m_expires = nullptr;
    QLabel *m_audit = nullptr;
    QLabel *m_sync = nullptr;
    QLabel *m_witnessed = nullptr;

    QPointer<QThread> m_shipping;
};

} // namespace mdp::net::ui
