#include "GoToDialog.h"

#include "mdp/workbench/Host.h"
#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Widgets.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace mdp::shell {

namespace {
constexpr int perProvider = 8;
}

GoToDialog::GoToDialog(workbench::Host &host, QWidget *parent)
    : QDialog(parent)
    , m_host(host)
    , m_providers(host.contributions().searchProvidersFor(host.roles()))
    , m_query(new QLineEdit(this))
    , m_results(new QListWidget(this))
    , m_hint(workbench::makeLabel(QString(), QStringLiteral("muted"), this))
{
    setObjectName(QStringLiteral("goToDialog"));
    setWindowTitle(tr("Go to"));
    setMinimumWidth(560);
    auto *layout = new QVBoxLayout(this);
    m_query->setObjectName(QStringLiteral("goToQuery"));
    m_query->setPlaceholderText(tr("Pseudonym, name, pinyin or initials…"));
    m_query->setClearButtonEnabled(true);
    m_results->setObjectName(QStringLiteral("goToResults"));
    layout->addWidget(m_query);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_hint);
    m_hint->setText(m_providers.isEmpty() ? tr("Nothing to search for your role.")
                                          : tr("Type to search; Enter opens, Esc closes."));

    // A short pause after typing, so a burst of keys costs one search.
    m_pause.setSingleShot(true);
    m_pause.setInterval(150);
    connect(&m_pause, &QTimer::timeout, this, &GoToDialog::searchNow);
    connect(m_query, &QLineEdit::textChanged, this, [this] { m_pause.start(); });
    connect(m_query, &QLineEdit::returnPressed, this, [this] {
        if (m_pause.isActive())
            searchNow();
        if (openRow(std::max(0, m_results->currentRow())))
            accept();
    });
    connect(m_results, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (openRow(m_results->row(item)))
            accept();
    });
    m_query->installEventFilter(this);
}

void GoToDialog::searchNow()
{
    m_pause.stop();
    m_results->clear();
    m_hits.clear();
    const QString text = m_query->text().trimmed();
    if (text.isEmpty())
        return;
    for (const workbench::SearchProvider &provider : std::as_const(m_providers)) {
        for (const workbench::SearchHit &hit : provider.search(m_host, text, perProvider)) {
            m_hits << hit;
            auto *item = new QListWidgetItem(
                hit.detail.isEmpty() ? hit.title : hit.title + QStringLiteral("   ") + hit.detail, m_results);
            item->setToolTip(provider.title());
        }
    }
    if (!m_hits.isEmpty())
        m_results->setCurrentRow(0);
    m_hint->setText(m_hits.isEmpty() ? tr("No match.") : tr("%n match(es).", nullptr, int(m_hits.size())));
}

bool GoToDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_query && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Down || key == Qt::Key_Up) && m_results->count() > 0) {
            const int step = key == Qt::Key_Down ? 1 : -1;
            m_results->setCurrentRow(std::clamp(m_results->currentRow() + step, 0, m_results->count() - 1));
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

bool GoToDialog::openRow(int row)
{
    if (row < 0 || row >= m_hits.size())
        return false;
    const workbench::SearchHit &hit = m_hits.at(row);
    return m_host.open(hit.linkKind, hit.linkId);
}

} // namespace mdp::shell
