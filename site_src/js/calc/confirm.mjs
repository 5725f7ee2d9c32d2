// Asks before anything is thrown away, with the page's own <dialog>: modal,
// Escape cancels, and focus goes back to the button that asked.

export function confirmAction({ dialog, text, yes, no }, { message, confirmLabel }) {
  return new Promise((resolve) => {
    const opener = document.activeElement;
    text.textContent = message;
    yes.textContent = confirmLabel;
    const finish = (answer) => {
      yes.removeEventListener("click", onYes);
      no.removeEventListener("click", onNo);
      dialog.removeEventListener("close", onClose);
      if (dialog.open) dialog.close();
      if (!answer && opener && opener.isConnected) opener.focus();
      resolve(answer);
    };
    const onYes = () => finish(true);
    const onNo = () => finish(false);
    const onClose = () => finish(false); // Escape
    yes.addEventListener("click", onYes);
    no.addEventListener("click", onNo);
    dialog.addEventListener("close", onClose);
    dialog.showModal();
    no.focus(); // the safe choice is the default
  });
}
