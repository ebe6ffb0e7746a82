#include "EncryptionWizardPage.h"

#include "mdp/workbench/Widgets.h"

#include <QButtonGroup>
#include <QFrame>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace mdp::shell {

namespace {

QFrame *choiceCard(QRadioButton *radio, const QString &badge, const QString &text, QWidget *parent)
{
    auto *card = workbench::makeCard(parent);
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(16, 12, 16, 14);
    layout->setSpacing(6);
    layout->addWidget(radio);
    if (!badge.isEmpty()) {
        auto *badgeLabel = workbench::makeLabel(badge, QStringLiteral("muted"), card);
        badgeLabel->setContentsMargins(26, 0, 0, 0);
        layout->addWidget(badgeLabel);
    }
    auto *description = workbench::makeLabel(text, QStringLiteral("factValue"), card);
    description->setContentsMargins(26, 0, 0, 0);
    layout->addWidget(description);
    return card;
}

} // namespace

EncryptionWizardPage::EncryptionWizardPage(QWidget *parent)
    : QWizardPage(parent)
    , m_sm4(new QRadioButton(tr("SM4 national algorithm (recommended)"), this))
    , m_aes(new QRadioButton(tr("AES-256"), this))
{
    setTitle(workbench::headingHtml(tr("Encryption")));
    setSubTitle(tr("Choose the algorithm that encrypts the database and the file store. It cannot be "
                   "changed after the workspace is created."));
    m_sm4->setObjectName(QStringLiteral("sm4Radio"));
    m_aes->setObjectName(QStringLiteral("aesRadio"));
    m_sm4->setChecked(true);
    auto *group = new QButtonGroup(this);
    group->addButton(m_sm4);
    group->addButton(m_aes);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(choiceCard(
        m_sm4, tr("GB/T 32907-2016 · meets JH/CAA 008-2025 §7.4.3"),
        tr("The Chinese commercial cryptographic standard required for sensitive health data. Database "
           "pages are encrypted with SM4-CBC, files with SM4-GCM."),
        this));
    layout->addWidget(choiceCard(
        m_aes, tr("FIPS 197 · international standard"),
        tr("Choose it only when a partner institution requires AES. Database pages are encrypted with "
           "AES-256-CBC, files with AES-256-GCM."),
        this));
    layout->addWidget(
        workbench::makeLabel(tr("In both cases each account's key slot is sealed with a key derived by "
                                "Argon2id from its password, and the audit log is chained with SM3."),
                             QStringLiteral("muted"), this));
    layout->addStretch();

    registerField(QStringLiteral("sm4"), m_sm4);
}

} // namespace mdp::shell
