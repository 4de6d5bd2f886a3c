/**
 * The place of the training panel (dataset, optimizer, Start/Stop, live charts, feature maps),
 * which is built separately. It renders nothing of its own; CSS hides it while it is empty.
 */
export function TrainingSlot() {
  return <section id="training-slot" className="training-slot" data-testid="training-slot" />;
}
