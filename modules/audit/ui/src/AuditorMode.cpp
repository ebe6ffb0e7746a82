#include "mdp/audit/ui/AuditorMode.h"

#include "AuditBundleWindow.h"

#include "mdp/audit/AuditBundle.h"
#include "mdp/audit/AuditTrail.h"
#include "mdp/foundation/SecureBytes.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>
#include <QPixmap>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <atomic>

namespace mdp::audit::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("mdp::audit::ui::AuditorMode", text);
}

int refuse(const QString &message, int code = 1)
{
    QMessageBox::critical(nullptr, tr("Audit bundle"), message);
    return code;
}

} // namespace

int runAuditorMode(QApplication &app, const AuditorModeOptions &options)
{
    QString keyPath = options.keyFile;
    if (keyPath.isEmpty())
        keyPath = QFileDialog::getOpenFileName(nullptr, tr("Your auditor key"), QDir::homePath(),
                                               tr("Auditor keys (*.key);;All files (*)"));
    if (keyPath.isEmpty())
        return 1;
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly) || keyFile.size() > (1 << 20))
        return refuse(tr("The key file %1 cannot be read.").arg(keyPath));
    const QByteArray keyBytes = keyFile.readAll();
    auto holder = readAuditorKeyFile(keyBytes);
    if (!holder)
        return refuse(tr("%1 is not an auditor key file.").arg(keyPath));

    std::optional<crypto::PublicKey> siteKey;
    if (!options.siteKeyFile.isEmpty()) {
        QFile pem(options.siteKeyFile);
        auto parsed = pem.open(QIODevice::ReadOnly)
                          ? crypto::PublicKey::fromPem(pem.read(1 << 16))
                          : Result<crypto::PublicKey>(makeError(Error::Code::NotFound, {}));
        if (!parsed)
            return refuse(tr("The site key %1 cannot be read as a PEM public key.").arg(options.siteKeyFile));
        siteKey = *parsed;
    }

    // The passphrase: from the environment (scripts, tests), else asked, three tries.
    Result<crypto::SigningKey> key = makeError(Error::Code::WrongPassphrase, QString());
    const QByteArray fromEnvironment = qgetenv("MDP_AUDITOR_PASSPHRASE");
    for (int attempt = 0; attempt < 3 && !key; ++attempt) {
        SecureBytes passphrase;
        if (!fromEnvironment.isEmpty()) {
            passphrase = SecureBytes(fromEnvironment);
            attempt = 2;
        } else {
            bool ok = false;
            QString text = QInputDialog::getText(
                nullptr, tr("Open audit bundle"),
                attempt == 0 ? tr("Passphrase of the auditor key of %1:").arg(holder->userName)
                             : tr("The passphrase did not open the key. Passphrase of the auditor key of %1:")
                                   .arg(holder->userName),
                QLineEdit::Password, QString(), &ok);
            if (!ok)
                return 1;
            QByteArray utf8 = text.toUtf8();
            passphrase = SecureBytes::takeFrom(utf8);
            secureZero(text);
        }
        key = openAuditorKeyFile(keyBytes, passphrase);
    }
    if (!key)
        return refuse(key.error().message);

    // Every check before anything is shown, off the GUI thread, with progress and cancel.
    QProgressDialog progress(tr("Verifying the bundle: signatures, Merkle proofs, the server's witness…"),
                             tr("Cancel"), 0, 1000);
    progress.setWindowTitle(tr("Audit bundle"));
    progress.setMinimumDuration(300);
    std::atomic<bool> cancelled{false};
    QObject::connect(&progress, &QProgressDialog::canceled, [&cancelled] { cancelled = true; });
    std::optional<Result<OpenedAuditBundle>> opened;
    QEventLoop loop;
    QThread *worker = QThread::create([&] {
        opened = openAuditBundle(
            options.bundle, *key, siteKey ? &*siteKey : nullptr, [&](qint64 done, qint64 total) {
                const int value = total > 0 ? int(done * 1000 / total) : 0;
                QMetaObject::invokeMethod(
                    &progress, [&progress, value] { progress.setValue(value); }, Qt::QueuedConnection);
                return !cancelled.load();
            });
    });
    QObject::connect(worker, &QThread::finished, &loop, &QEventLoop::quit);
    worker->start();
    loop.exec();
    worker->wait();
    delete worker;
    progress.reset();
    if (!opened->ok()) {
        const Error &e = opened->error();
        if (e.code == Error::Code::Cancelled)
            return 1;
        return refuse(e.code == Error::Code::Tampered
                          ? tr("The bundle does NOT verify and is not opened.\n\n%1").arg(e.message)
                          : e.message,
                      e.code == Error::Code::Tampered ? 3 : 1);
    }

    auto *window =
        new AuditBundleWindow(std::move(opened->value()), *key, AuditReadLog::defaultPath(key->publicKey()));
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    if (!options.screenshot.isEmpty())
        QTimer::singleShot(1200, window, [window, path = options.screenshot, &app] {
            window->grab().save(path);
            app.quit();
        });
    return app.exec();
}

} // namespace mdp::audit::ui
