/** Groups rows that carry a `feedbackId` by it, in their order, without that field: the replies or history of each feedback. */
export function byFeedback<T extends { feedbackId: string }>(rows: readonly T[]): Map<string, Omit<T, 'feedbackId'>[]> {
  const groups = new Map<string, Omit<T, 'feedbackId'>[]>();
  for (const { feedbackId, ...rest } of rows) {
    const group = groups.get(feedbackId);
    if (group) group.push(rest);
    else groups.set(feedbackId, [rest]);
  }
  return groups;
}
