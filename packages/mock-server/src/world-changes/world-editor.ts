import { createRandom } from '@eduvkit/core/fixtures';
import { createEmployeeRecord, type EmployeeRecord } from '@eduvkit/employees/fixtures';
import { EmployeeSchema, type Employee } from '@eduvkit/employees';
import { createStudentRecord, type StudentRecord } from '@eduvkit/students/fixtures';
import { StudentSchema, studentsApi, type Student } from '@eduvkit/students';
import { associationApi } from '@eduvkit/association';
import { NOTIFYING_REGISTRIES } from '../apis';
import { createMockWorld, type MockWorld, type WorldSize } from '../world';
import { diffSnapshots, snapshotSchool, type BulkChange, type ObjectChange } from './object-changes';

/** A mutation the world refuses: its HTTP status and a message naming what is wrong. */
export class WorldChangeError extends Error {
  constructor(
    readonly httpStatus: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

export interface WorldChangeListener {
  (change: { objects: ObjectChange[]; bulk: BulkChange[] }): void;
}

const matchesStudent = (student: Student, key: string): boolean =>
  student.userMasterIdentifier === key || (student.userIds ?? []).some((id) => id.userId === key);
const matchesEmployee = (employee: Employee, key: string): boolean => employee.userIds.some((id) => id.userId === key);

/**
 * Changes the mock world the way a school administration would, and reports every data object
 * that changed as a result (found by comparing the school before and after), so the notifications
 * describe exactly what happened.
 */
export class WorldEditor {
  private counter = 0;

  constructor(
    private current: MockWorld,
    private readonly size: WorldSize,
    private readonly onChange: WorldChangeListener,
  ) {}

  get world(): MockWorld {
    return this.current;
  }

  private school(orgMasterId: string) {
    const school = this.current.schools.find((candidate) => candidate.orgMasterId === orgMasterId);
    if (!school) throw new WorldChangeError(404, `no seeded school with orgMasterId ${orgMasterId}`);
    return school;
  }

  private random(label: string) {
    this.counter += 1;
    return createRandom(this.current.seed).fork(`mutation:${this.counter}:${label}`);
  }

  /** Runs a change to the schools' records and reports what changed in each. */
  private change(orgMasterIds: string[], mutate: () => void): void {
    const before = orgMasterIds.map((id) => snapshotSchool(this.current, id));
    mutate();
    const objects = orgMasterIds.flatMap((id, index) => {
      this.current.association.invalidate(id);
      return diffSnapshots(id, before[index]!, snapshotSchool(this.current, id));
    });
    this.onChange({ objects, bulk: [] });
  }

  private studentRecords(orgMasterId: string): StudentRecord[] {
    this.school(orgMasterId);
    return this.current.students.get(orgMasterId)!;
  }

  private findStudent(orgMasterId: string, key: string): number {
    const index = this.studentRecords(orgMasterId).findIndex((record) => matchesStudent(record.student, key));
    if (index < 0) throw new WorldChangeError(404, `no student ${key} at school ${orgMasterId}`);
    return index;
  }

  addStudent(orgMasterId: string, overrides: Partial<Student> = {}): Student {
    const school = this.school(orgMasterId);
    const generated = createStudentRecord(this.random('student'), school, { studentNumber: 900_000 + this.counter });
    const record = { ...generated, student: this.checkedStudent({ ...generated.student, ...overrides }) };
    this.change([orgMasterId], () => this.studentRecords(orgMasterId).push(record));
    return record.student;
  }

  changeStudent(orgMasterId: string, key: string, changes: Partial<Student>): Student {
    const records = this.studentRecords(orgMasterId);
    const index = this.findStudent(orgMasterId, key);
    const student = this.checkedStudent({ ...records[index]!.student, ...changes });
    this.change([orgMasterId], () => {
      records[index] = { ...records[index]!, student };
    });
    return student;
  }

  /** The student leaves one school for another: same person, new enrollment at the new school. */
  moveStudent(orgMasterId: string, key: string, toOrgMasterId: string): Student {
    const from = this.studentRecords(orgMasterId);
    const index = this.findStudent(orgMasterId, key);
    const target = this.school(toOrgMasterId);
    if (toOrgMasterId === orgMasterId) throw new WorldChangeError(400, 'body field "toOrgMasterId" names the school the student is already at');
    const person = from[index]!.student;
    const generated = createStudentRecord(this.random('move'), target, { studentNumber: 900_000 + this.counter });
    const { userMasterIdentifier, givenName, preferredFirstName, familyName, familyNamePrefix, dateOfBirth, gender } = person;
    const student = this.checkedStudent({
      ...generated.student,
      ...(userMasterIdentifier ? { userMasterIdentifier } : {}),
      givenName,
      familyName,
      ...(preferredFirstName ? { preferredFirstName } : {}),
      ...(familyNamePrefix ? { familyNamePrefix } : {}),
      ...(dateOfBirth ? { dateOfBirth } : {}),
      ...(gender ? { gender } : {}),
    });
    this.change([orgMasterId, toOrgMasterId], () => {
      from.splice(index, 1);
      this.studentRecords(toOrgMasterId).push({ ...generated, student });
    });
    return student;
  }

  deleteStudent(orgMasterId: string, key: string): void {
    const records = this.studentRecords(orgMasterId);
    const index = this.findStudent(orgMasterId, key);
    this.change([orgMasterId], () => records.splice(index, 1));
  }

  /** A bulk import: many new students at once, reported as one bulk change per affected API. */
  importStudents(orgMasterId: string, count: number): Student[] {
    const school = this.school(orgMasterId);
    const added = Array.from({ length: count }, () => {
      const record = createStudentRecord(this.random('import'), school, { studentNumber: 900_000 + this.counter });
      return { ...record, student: this.checkedStudent(record.student) };
    });
    this.studentRecords(orgMasterId).push(...added);
    this.current.association.invalidate(orgMasterId);
    this.onChange({
      objects: [],
      bulk: [
        { api: studentsApi.api, orgMasterId },
        { api: associationApi.api, orgMasterId },
      ],
    });
    return added.map((record) => record.student);
  }

  private employeeRecords(orgMasterId: string): EmployeeRecord[] {
    this.school(orgMasterId);
    return this.current.employees.get(orgMasterId)!;
  }

  private findEmployee(orgMasterId: string, key: string): number {
    const index = this.employeeRecords(orgMasterId).findIndex((record) => matchesEmployee(record.employee, key));
    if (index < 0) throw new WorldChangeError(404, `no employee ${key} at school ${orgMasterId}`);
    return index;
  }

  addEmployee(orgMasterId: string, overrides: Partial<Employee> = {}): Employee {
    const school = this.school(orgMasterId);
    const records = this.employeeRecords(orgMasterId);
    const generated = createEmployeeRecord(this.random('employee'), school, { index: records.length });
    const record = { ...generated, employee: this.checkedEmployee({ ...generated.employee, ...overrides }) };
    this.change([orgMasterId], () => records.push(record));
    return record.employee;
  }

  changeEmployee(orgMasterId: string, key: string, changes: Partial<Employee>): Employee {
    const records = this.employeeRecords(orgMasterId);
    const index = this.findEmployee(orgMasterId, key);
    const employee = this.checkedEmployee({ ...records[index]!.employee, ...changes });
    this.change([orgMasterId], () => {
      records[index] = { ...records[index]!, employee };
    });
    return employee;
  }

  deleteEmployee(orgMasterId: string, key: string): void {
    const records = this.employeeRecords(orgMasterId);
    const index = this.findEmployee(orgMasterId, key);
    this.change([orgMasterId], () => records.splice(index, 1));
  }

  /** Renames a group. Groups are derived from enrollments: a later student or staff change rebuilds them. */
  renameGroup(orgMasterId: string, groupId: string, groupName: string): void {
    this.school(orgMasterId);
    const before = snapshotSchool(this.current, orgMasterId);
    const group = this.current.association.edit(orgMasterId)!.groups.find((candidate) => candidate.groupId === groupId);
    if (!group) throw new WorldChangeError(404, `no group ${groupId} at school ${orgMasterId}`);
    group.groupName = groupName;
    this.onChange({ objects: diffSnapshots(orgMasterId, before, snapshotSchool(this.current, orgMasterId)), bulk: [] });
  }

  /** Back to the seeded world; every API of every school changed in bulk. */
  reset(): void {
    this.current = createMockWorld(this.current.seed, this.size);
    const bulk = this.current.schools.flatMap((school) => NOTIFYING_REGISTRIES.map(({ api }) => ({ api, orgMasterId: school.orgMasterId })));
    this.onChange({ objects: [], bulk });
  }

  private checkedStudent(candidate: Student): Student {
    const result = StudentSchema.safeParse(candidate);
    if (!result.success)
      throw new WorldChangeError(
        400,
        `the student would not be valid: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
      );
    return candidate;
  }

  private checkedEmployee(candidate: Employee): Employee {
    const result = EmployeeSchema.safeParse(candidate);
    if (!result.success)
      throw new WorldChangeError(
        400,
        `the employee would not be valid: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
      );
    return candidate;
  }
}
