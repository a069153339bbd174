#include "ui/compare/transport_key_guard.h"

#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>

namespace mbq {
namespace {

bool isNavigationKey(int key)
{
    switch (key) {
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_Home:
    case Qt::Key_End:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
        return true;
    default:
        return false;
    }
}

} // namespace

bool TransportKeyGuard::focusedWidgetTakes(const QObject *widget, int key,
                                           Qt::KeyboardModifiers modifiers)
{
    const Qt::KeyboardModifiers mods = modifiers & ~Qt::KeypadModifier;
    if (!widget || (mods != Qt::NoModifier && mods != Qt::ShiftModifier))
        return false;
    // Text fields already claim what they type (QLineEdit, QPlainTextEdit do it themselves).
    if (qobject_cast<const QAbstractSlider *>(widget)
        || qobject_cast<const QAbstractSpinBox *>(widget)
        || qobject_cast<const QAbstractItemView *>(widget))
        return isNavigationKey(key);
    if (qobject_cast<const QComboBox *>(widget))
        return key == Qt::Key_Up || key == Qt::Key_Down || key == Qt::Key_Home
            || key == Qt::Key_End || key == Qt::Key_PageUp || key == Qt::Key_PageDown;
    return false;
}

bool TransportKeyGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride && watched == QApplication::focusWidget()) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (focusedWidgetTakes(watched, key->key(), key->modifiers())) {
            event->accept();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace mbq
